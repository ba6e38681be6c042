"""Check a helper's interviews and codings: python check.py DIR"""
import csv, re, sys
from pathlib import Path

KEYS = {"tilbakemelding.synspunkt", "tilbakemelding.tilgjengelighet", "tilbakemelding.oppfolging",
        "tilbakemelding.rutiner", "tilbakemelding.ansatte", "rangering.kjennskap", "rangering.deling",
        "deltakelse.utforming", "deltakelse.malforstaelse", "frihet.faglig", "frihet.ansvar",
        "motivasjon", "historikk"}
QUESTIONS = {"tallfestes": "jn", "egnet": "jn", "sammenliknes": "jn", "kjenner_egen": "jn",
             "kjenner_rangering": "jn", "faglig_frihet": "ub", "ansvarsomrader": "ub"}
CATS = {"jn": {"Ja", "Nøytral", "Nei"},
        "ub": {"Utvider", "Verken utvider eller begrenser", "Begrenser"}}

d = Path(sys.argv[1])
errors = []
turns = {}
for f in sorted(d.glob("*.txt")):
    cur = None
    out = []
    for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^([A-ZÆØÅ][0-9]?): (.*)$", line)
        if m:
            cur = [m.group(1), m.group(2)]
            out.append(cur)
        elif line.strip():
            if cur is None:
                errors.append(f"{f.name}:{n}: text before the first label")
            else:
                cur[1] += "\n" + line
    turns[f.name] = out
    labels = {t[0] for t in out}
    if "A" not in labels or len(labels) != 2:
        errors.append(f"{f.name}: labels {sorted(labels)}; want A and one informant letter")
coded = {}
for n, r in enumerate(csv.DictReader(open(d / "codings.csv", encoding="utf-8")), 2):
    if r["document"] not in turns:
        errors.append(f"codings.csv:{n}: no file {r['document']}"); continue
    if r["code"] not in KEYS:
        errors.append(f"codings.csv:{n}: unknown code {r['code']}")
    hits = [i for i, (lab, text) in enumerate(turns[r["document"]])
            if lab != "A" and r["quote"] in text]
    if not r["quote"].strip() or not hits:
        errors.append(f"codings.csv:{n}: quote not found in an informant turn: {r['quote'][:60]}")
    elif turns[r["document"]][hits[0]][0] != r["case"]:
        errors.append(f"codings.csv:{n}: case {r['case']} is not the speaker")
    else:
        coded.setdefault(r["document"], set()).add(hits[0])
for n, r in enumerate(csv.DictReader(open(d / "answers.csv", encoding="utf-8")), 2):
    q = QUESTIONS.get(r["question"])
    if q is None:
        errors.append(f"answers.csv:{n}: unknown question {r['question']}")
    elif r["category"] not in CATS[q]:
        errors.append(f"answers.csv:{n}: category {r['category']} not on the scale")
for name, ts in turns.items():
    inf = [i for i, t in enumerate(ts) if t[0] != "A"]
    words = sum(len(t[1].split()) for t in ts)
    print(f"{name}: {words} words, {len(inf)} informant turns, {len(coded.get(name, ()))} coded")
qfile = d / "questions.csv"
if not qfile.is_file():
    errors.append("questions.csv missing")
else:
    for n, r in enumerate(csv.DictReader(open(qfile, encoding="utf-8")), 2):
        if r["question"] not in QUESTIONS:
            errors.append(f"questions.csv:{n}: unknown question {r['question']}")
        elif r["document"] not in turns:
            errors.append(f"questions.csv:{n}: no file {r['document']}")
        elif not r["quote"].strip() or not any(lab == "A" and r["quote"] in text
                                               for lab, text in turns[r["document"]]):
            errors.append(f"questions.csv:{n}: quote not found in an A: turn: {r['quote'][:60]}")
if not (d / "README.md").is_file():
    errors.append("README.md (your interviewer) missing")
print("\n".join(errors) if errors else "OK")
sys.exit(1 if errors else 0)
