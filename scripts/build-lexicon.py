#!/usr/bin/env python3
"""Regenerates the Swedish lexicon shipped in crates/protokoll-text/data/.

Sources:
- word frequencies: the Swedish 'large' word list of the PyPI package wordfreq 3.1.1
  (Robyn Speer et al.; data licence CC BY-SA 4.0);
- word forms and compound heads: the Hunspell dictionary sv_SE of Debian's hunspell-sv
  1:7.5.0 (Göran Andersson et al.; LGPL), its stems expanded with their affixes by
  `unmunch` (Debian hunspell-tools 1.7.1). Forms wordfreq does not list enter with
  Zipf 1.0 (known, rare: "samordnarna", "sektoriell"); stems flagged as compound
  beginnings that occur only in compounds ("folkhälso", "abborr") are compound heads;
  lowercase stems ending in a vowel that take verb inflections (flags K, L, M or N:
  "stärka", "få") are infinitives;
- place and person names (the gazetteer): the capitalised entries of the same
  dictionary, e.g. municipalities ("Laxå", "Hällefors") and surnames; and the Swedish
  given names and surnames of the PyPI package Faker 40.63.0 (its sv_SE person
  provider, from Statistics Sweden's lists of common names; MIT licence), e.g.
  "Märta", "Bäck", "Åkesson", with how common each is (the provider's weights).
Writes "word<TAB>zipf*100", "name<TAB>share" and "head" lines, sorted, then builds the FST files
with the crate's build_lexicon example:

    pip install wordfreq==3.1.1 faker==40.63.0 && apt-get install hunspell-sv hunspell-tools
    scripts/build-lexicon.py

The output is the same byte for byte on every run for the same package versions.
"""
import math
import os
import subprocess
import sys
import unicodedata

import wordfreq

from importlib.metadata import version
for package, want in (("wordfreq", "3.1.1"), ("faker", "40.63.0")):
    if version(package) != want:
        sys.exit(f"{package} {want} is required for a byte-identical lexicon")
from faker.providers.person.sv_SE import Provider as SwedishNames

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = os.path.join(root, "crates", "protokoll-text", "data")
os.makedirs(data, exist_ok=True)
freqs = wordfreq.get_frequency_dict("sv", wordlist="large")
rows = {}
for word, f in freqs.items():
    w = unicodedata.normalize("NFC", word).lower()
    # Letters (and inner hyphens) only: numbers and symbols are not repaired.
    if not w or not all(c.isalpha() or c == "-" for c in w) or w.startswith("-") or w.endswith("-"):
        continue
    zipf = math.log10(f * 1e9)
    score = max(0, round(zipf * 100))
    rows[w] = max(rows.get(w, 0), score)
DIC = os.environ.get("SV_DIC", "/usr/share/hunspell/sv_SE.dic")
AFF = DIC[: -len(".dic")] + ".aff"
flags = {}
with open(AFF, encoding="utf-8") as aff:
    for line in aff:
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("ONLYINCOMPOUND", "COMPOUNDBEGIN"):
            flags[parts[0]] = parts[1]
only_in_compound, begin = flags["ONLYINCOMPOUND"], flags["COMPOUNDBEGIN"]
names = set()
heads = set()
verbs = set()
with open(DIC, encoding="utf-8") as dic:
    next(dic)  # the entry count
    for line in dic:
        stem, _, fl = line.strip().partition("/")
        if not (stem.isalpha() and stem.islower()):
            continue
        stem = unicodedata.normalize("NFC", stem)
        if only_in_compound in fl and begin in fl:
            heads.add(stem)
        elif stem[-1] in "aeiouyåäö" and any(f in fl for f in "KLMN"):
            verbs.add(stem)
with open(DIC, encoding="utf-8") as dic:
    next(dic)  # the entry count
    for line in dic:
        stem = unicodedata.normalize("NFC", line.split("/")[0].strip())
        letters = [c for c in stem if c.isalpha()]
        # Capitalised, not an acronym, letters (and hyphens) only.
        if len(letters) >= 3 and stem[0].isupper() and not all(c.isupper() for c in letters) \
                and all(c.isalpha() or c == "-" for c in stem):
            names.add(stem.lower())
# How common a person name is in Sweden: Faker's weights are each name's share of the
# people in its list (female or male given names, surnames), from Statistics Sweden.
# Kept as log10 of the share per million, times 100 ("märta" 345, "marta" 275); names
# without a weight (places, Hunspell's surnames) have 0.
share = {}
for listed in (SwedishNames.first_names_female, SwedishNames.first_names_male, SwedishNames.last_names):
    for name, weight in listed.items():
        name = unicodedata.normalize("NFC", name)
        if len(name) >= 3 and all(c.isalpha() or c == "-" for c in name):
            names.add(name.lower())
            score = max(0, round(math.log10(weight * 1e6) * 100))
            share[name.lower()] = max(share.get(name.lower(), 0), score)
forms = subprocess.run(["unmunch", DIC, AFF], check=True, capture_output=True).stdout.decode("utf-8")
for form in forms.splitlines():
    w = unicodedata.normalize("NFC", form.strip())
    # Lowercase words only (capitalised entries are the gazetteer's), letters and inner
    # hyphens; compound-only heads are not words.
    if len(w) < 2 or w in heads or not w.islower() or w.startswith("-") or w.endswith("-") \
            or not all(c.isalpha() or c == "-" for c in w):
        continue
    rows.setdefault(w, 100)
names_path = os.path.join(data, "sv-names.txt")
heads_path = os.path.join(data, "sv-heads.txt")
verbs_path = os.path.join(data, "sv-verbs.txt")
for path, items in ((heads_path, heads), (verbs_path, verbs)):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for h in sorted(items, key=lambda s: s.encode("utf-8")):
            out.write(h + "\n")
with open(names_path, "w", encoding="utf-8", newline="\n") as out:
    for n in sorted(names, key=lambda s: s.encode("utf-8")):
        out.write(f"{n}\t{share.get(n, 0)}\n")
tsv = os.path.join(data, "sv-wordfreq.tsv")
with open(tsv, "w", encoding="utf-8", newline="\n") as out:
    for w in sorted(rows, key=lambda s: s.encode("utf-8")):
        out.write(f"{w}\t{rows[w]}\n")
subprocess.run(
    ["cargo", "run", "--release", "-q", "-p", "protokoll-text", "--example", "build_lexicon", "--", tsv, names_path, heads_path, verbs_path, data],
    cwd=root,
    check=True,
)
os.remove(tsv)
os.remove(names_path)
os.remove(heads_path)
os.remove(verbs_path)
print(f"{len(rows)} words, {len(names)} names, {len(heads)} compound heads, {len(verbs)} infinitives -> {data}")
