// fontkit decodes WOFF2 fonts with brotli, whose dictionary alone is ~490 KB of bundle. Our PDFs embed a TTF, so
// the functions ship without it; a WOFF2 font would fail here, loudly.
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not supported in the functions: embed a TTF or OTF')
}
