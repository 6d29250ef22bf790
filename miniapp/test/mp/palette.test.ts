/**
 * Colours come from one palette, so dark mode reaches every page: app.scss sets NutUI's colour variables for light
 * and for dark, and no other style or component writes a colour of its own — except the few that read the same in
 * both modes, each named here with its reason.
 */
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '../../src')
const SAME_IN_BOTH: Record<string, string> = {
  'app.scss': 'the palette itself',
  'app.config.ts': 'the H5 build’s bars (WeChat’s come from theme.json)',
  'pages/index/index.scss': 'the home header: white text on a deep red',
  'components/photos.scss': 'the remove button: white on a black veil over the photo',
  'components/shapes-svg.ts': 'a map drawn on its own white ground, as map tiles are',
  'packages/command/screen/screen.scss': 'the command centre: dark in both modes, as a wall display is',
  'packages/command/components/screen-palette.ts': 'the same, and the five grades in their customary colours',
  'api/photo-h5.ts': 'the white behind a transparent image turned into a JPEG',
}

const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(scss|tsx?)$/.test(e.name) ? [path.join(dir, e.name)] : []))

test('no style or component outside the palette writes a colour', () => {
  const found = files(SRC)
    .map((file) => path.relative(SRC, file))
    .filter((file) => !(file in SAME_IN_BOTH))
    // A shade of black (a shadow, a veil) reads the same in both modes.
    .flatMap((file) =>
      [...fs.readFileSync(path.join(SRC, file), 'utf8').matchAll(/#[0-9a-fA-F]{3,8}\b|rgba?\((?!0, 0, 0\b)\s*\d/g)].map((m) => `${file}: ${m[0]}`),
    )
  expect(found).toEqual([])
})

test('dark mode sets every colour variable the light palette sets', () => {
  const scss = fs.readFileSync(path.join(SRC, 'app.scss'), 'utf8')
  const vars = (block: string) => new Set([...block.matchAll(/(--[\w-]+):/g)].map((m) => m[1]!))
  const light = vars(scss.slice(0, scss.indexOf('@media (prefers-color-scheme: dark)')))
  const dark = vars(scss.slice(scss.indexOf('@media (prefers-color-scheme: dark)')))
  const colours = [...light].filter((v) => v.includes('color') || v === '--linli-wash')
  expect(colours.length).toBeGreaterThan(10)
  expect(colours.filter((v) => !dark.has(v))).toEqual([])
})
