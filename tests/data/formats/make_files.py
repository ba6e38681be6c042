"""Write the transcript-format fixtures: `python tests/data/formats/make_files.py`.

`intervju_k.docx` is written here with python-docx the way a person writes a transcript in
Word: A4, bold speaker labels, a running header, a footer «Side N av M» with Word's PAGE and
NUMPAGES fields, justified text with soft hyphens in long compounds (what Word and
LibreOffice insert when hyphenation is on). LibreOffice then saves it as PDF, ODT, RTF and
HTML (`soffice --headless --convert-to ...`), as a user of LibreOffice would; those files are
committed, so the tests need no LibreOffice. The exports carry dates and build ids, so they
are not byte-for-byte reproducible; the tests check what is read from them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOFT = "\u00ad"
SIZE, MARGIN = 18, 4.0  # points, cm: three pages; soft hyphens and «NAV-» at line ends

# A fictional interview with the leader of a NAV office (no real person or office).
# «|» marks where a soft hyphen goes.
TURNS = [
    ("A", "Takk for at du ville være med. Kan du først fortelle litt om kontoret ditt?"),
    ("K", "Vi er et mellomstort NAV-kontor med rundt tretti ansatte. Jeg har vært leder her i "
          "fem år, og før det var jeg veileder i et annet kontor i samme fylke."),
    ("A", "Hvordan merker dere mål- og resultat|styringen i hverdagen?"),
    ("K", "Vi får målekortet hver måned, og resultat|indikatorene går vi gjennom på "
          "ledermøtet. Tallene henger ofte etter, så vi ser på forrige måneds resultater når "
          "vi planlegger neste måneds arbeid."),
    ("K", "Samtidig er det mye vi gjør som ikke synes i tallene. Oppfølgings|samtalene med "
          "brukerne tar tid, og den tiden blir ikke målt."),
    ("A", "Kan resultater tallfestes, tenker du?"),
    ("K", "Ja, det meste kan tallfestes, men ikke alt. Arbeids|avklaringspenger og "
          "oppfølgings|vedtak kan telles, men kvaliteten i samtalene kan ikke telles på samme "
          "måte. Vi har prøvd å lage egne kvalitets|indikatorer, men de ble for grove."),
    ("A", "Sammenliknes kontorene i fylket?"),
    ("K", "Ja, fylket lager en rangering hvert kvartal. Rangeringene blir lagt fram på "
          "fylkes|samlingene, og alle ser hvor de ligger. Noen kontor|ledere synes det er "
          "motiverende, andre synes det er urettferdig fordi kontorene er så ulike."),
    ("A", "Vet de ansatte hvor kontoret ligger?"),
    ("K", "Ja, vi viser rangeringen på personal|møtet. Jeg prøver å forklare hva som ligger "
          "bak tallene, slik at ingen blir motløse av en dårlig plassering."),
    ("A", "Hva gjør resultat|styringen med den faglige friheten på kontoret?"),
    ("K", "Jeg vil si den verken utvider eller begrenser den særlig. Vi bestemmer selv "
          "hvordan vi organiserer arbeidet, men prioriteringene blir styrt av "
          "resultat|kravene. Veilederne bruker fortsatt skjønn i hver enkelt sak."),
    ("A", "Og ansvars|områdene?"),
    ("K", "De har blitt større. Vi har fått flere oppgaver fra kommunen og fra "
          "NAV-direktoratet de siste årene, uten at bemanningen har økt tilsvarende. "
          "Det merker vi i sykefraværs|oppfølgingen og i ungdoms|satsingen."),
    ("A", "Hvordan samarbeider dere med NAV-fylket og med kommunen?"),
    ("K", "Samarbeidet med kommunen er godt. Vi har faste møter med kommunal|direktøren, og "
          "NAV-fylket deltar av og til. Det er NAV-kontoret som har ansvaret for "
          "sosial|tjenestene, men kommunen bestemmer budsjettet."),
    ("A", "Deltar dere når målene for kontoret blir satt?"),
    ("K", "I liten grad. Målene kommer fra direktoratet via fylket, og vi får si vår mening i "
          "styrings|dialogen. Jeg skulle ønske at NAV-lederne fikk være mer med på å utforme "
          "målene, særlig de lokale. MRS-systemet er laget for hele landet."),
    ("A", "Til slutt: er det noe du vil legge til?"),
    ("K", "Bare at tallene er et nyttig verktøy så lenge vi husker at de ikke sier alt. "
          "Det viktigste arbeidet skjer i møtet med brukeren."),
]


def write_docx(path: Path) -> Path:
    """The source transcript, as a person would write it in Word."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(MARGIN)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Liberation Serif", Pt(SIZE)
    style.paragraph_format.space_after = Pt(6)
    section.header.paragraphs[0].text = "Intervju K – MRS i NAV-kontor (konfidensielt)"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1", OxmlElement, qn)  # a bare page number
    previous = None
    for speaker, text in TURNS:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if speaker != previous:  # a second paragraph of the same speaker has no label
            p.add_run(f"{speaker}:").bold = True
            p.add_run(" ")
        p.add_run(text.replace("|", SOFT))
        previous = speaker
    document.save(path)
    return path


def _field(paragraph, instruction: str, shown: str, element, qn) -> None:
    run = paragraph.add_run()
    simple = element("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    inner = element("w:r")
    text = element("w:t")
    text.text = shown
    inner.append(text)
    simple.append(inner)
    run._r.addnext(simple)


def convert(source: Path, target: str, out: Path) -> Path:
    """``soffice --headless --convert-to target`` into ``out``; returns the written file."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", target, "--outdir", str(out), str(source)],
                       check=True, capture_output=True, timeout=300)
    made = out / f"{source.stem}.{target.split(':')[0]}"
    if not made.is_file():
        sys.exit(f"soffice wrote no {made.name}")
    return made


def make(out: Path = HERE, targets=("pdf", "odt", "rtf", "html")) -> list[Path]:
    """Write the .docx and LibreOffice's exports of it into ``out``; returns their paths."""
    source = write_docx(out / "intervju_k.docx")
    made = [source]
    for target in targets:
        made.append(convert(source, target, out))
    return made


if __name__ == "__main__":
    for p in make():
        print(p.name, p.stat().st_size)
