#!/usr/bin/env python3
"""Adds lock entries for optional platform packages the registry mirror here does not serve.

The mirror this project installs from lacks some optional native builds (e.g. @swc/core for win32, unrs-resolver
for android). `npm install` then leaves them out of package-lock.json, and `npm ci` refuses the lock as out of sync.
Each missing optional dependency gets an entry with its os/cpu, so `npm ci` skips it as foreign to this platform,
exactly as it would with a complete lock. Run after `npm install`: python3 scripts/complete-lockfile.py
"""
import json, re, sys

PATH = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
OS = {'darwin': 'darwin', 'win32': 'win32', 'linux': 'linux', 'android': 'android', 'freebsd': 'freebsd', 'openharmony': 'openharmony', 'sunos': 'sunos', 'netbsd': 'netbsd', 'openbsd': 'openbsd', 'aix': 'aix', 'wasm32': None}
CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32']

lock = json.load(open(PATH))
pkgs = lock['packages']

def resolve(from_loc, name):
    loc = from_loc
    while True:
        candidate = (loc + '/' if loc else '') + 'node_modules/' + name
        if candidate in pkgs:
            return candidate
        if not loc:
            return None
        parts = loc.rsplit('/node_modules/', 1)
        loc = parts[0] if len(parts) == 2 else ''

added = 0
for loc, meta in list(pkgs.items()):
    for dep, spec in (meta.get('optionalDependencies') or {}).items():
        if not re.fullmatch(r'\d+\.\d+\.\d+(-[\w.]+)?', spec):
            continue  # native builds are pinned exactly; ranges are ordinary optional packages
        found = resolve(loc, dep)
        if found and pkgs[found].get('version') == spec:
            continue
        target = (loc + '/' if loc else '') + 'node_modules/' + dep
        if target in pkgs:
            continue
        words = re.split(r'[-/]', dep)
        entry = {'version': spec, 'optional': True}
        os_ = next((OS[w] for w in words if w in OS and OS[w]), None)
        cpu = next((w for w in words if w in CPU), None)
        if not (os_ or cpu):
            continue
        if os_: entry['os'] = [os_]
        if cpu: entry['cpu'] = [cpu]
        pkgs[target] = entry
        added += 1

lock['packages'] = dict(sorted(pkgs.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(PATH, 'w'), indent=2, ensure_ascii=False)
open(PATH, 'a').write('\n')
print(f'added {added} optional platform entries to {PATH}')
