"""Figures are written and non-empty; the report holds every table and renders in Chromium."""

import shutil
import subprocess

import pandas as pd
import pytest

from conftest import CODEBOOK, SAMPLE


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory):
    from qualmrs.project import run

    out = tmp_path_factory.mktemp("report")
    run(SAMPLE, CODEBOOK, out)
    return out


def test_figures_written_png_and_svg(sample_out):
    figs = sample_out / "report_figurer"
    names = {p.stem for p in figs.glob("*.png")}
    assert {"tabell_4-1", "tabell_4-2", "tabell_4-3", "kode_x_informant", "samforekomst",
            "koder_etter_fylke", "koder_etter_rolle"} <= names
    for stem in names:
        png, svg = figs / f"{stem}.png", figs / f"{stem}.svg"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
        assert "<svg" in svg.read_text(encoding="utf-8")[:500]


def test_report_holds_every_table_and_is_self_contained(sample_out):
    html = (sample_out / "report.html").read_text(encoding="utf-8")
    for caption in ("Tabell 4-1 Synspunkt på målinger", "Tabell 4-2 Kunnskap om rangering",
                    "Tabell 4-3 Hva gjør MRS-prinsippene"):
        assert caption in html
    assert html.count("data:image/png;base64,") >= 7
    assert "Antall kodede segmenter per kode og informant" in html
    assert html.count("<blockquote>") >= 200
    assert "src=\"http" not in html and "<link" not in html and "<script" not in html


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package "
                                             "'chromium'); the report is checked without it")
def test_report_renders_in_headless_chromium(sample_out, tmp_path):
    import matplotlib.image

    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,3000",
                    f"--screenshot={shot}", (sample_out / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[0] >= 3000 and pixels.shape[1] >= 1200
    assert pixels[..., :3].std() > 0.05  # text, tables and charts, not a blank page


def _inodes(base):
    return [base.with_suffix(ext).stat().st_ino for ext in (".png", ".svg")]


@pytest.mark.parametrize("change, redrawn", [
    ({}, False),
    ({"frame": pd.DataFrame({"A": [1, 0]}, index=["mål", "tillit"])}, True),
    ({"title": "Samforekomst"}, True),
])
def test_figures_redrawn_only_when_their_data_changed(tmp_path, change, redrawn):  # issue 12
    from qualmrs.export.figures import heatmap

    args = {"frame": pd.DataFrame({"A": [1, 2]}, index=["mål", "tillit"]), "title": "Koder"}
    base = tmp_path / "figurer" / "kode_x_informant"
    heatmap(args["frame"], base, args["title"])
    before = _inodes(base)
    args.update(change)
    heatmap(args["frame"], base, args["title"])
    assert (_inodes(base) != before) == redrawn


def test_figures_edited_since_are_not_kept(tmp_path):  # issue 12
    from qualmrs.errors import OverwriteError
    from qualmrs.export.figures import heatmap
    from qualmrs.export.output import outputs

    frame, base = pd.DataFrame({"A": [1, 2]}, index=["mål", "tillit"]), tmp_path / "fig"
    heatmap(frame, base, "Koder")
    base.with_suffix(".png").write_bytes(b"someone's picture")
    with pytest.raises(OverwriteError):
        heatmap(frame, base, "Koder")
    with outputs(force=True):
        heatmap(frame, base, "Koder")
    assert base.with_suffix(".png").read_bytes()[:4] == b"\x89PNG"
