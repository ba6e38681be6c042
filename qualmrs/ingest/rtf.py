"""RTF transcripts (WordPad, TextEdit, Word's and LibreOffice's "Rich Text Format").

striprtf turns the markup into plain text: one line per paragraph, headers, footers, fonts
and pictures left out, ``\\uN`` and ``\\'xx`` characters decoded in the file's code page
(``\\ansicpgN``). Speaker labels are then found as in a .txt file.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import IngestError
from .normalise import normalise
from .paragraphs import SOFT_HYPHEN

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def read_rtf(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times) for an .rtf transcript.

    Args:
        encoding: the code page of ``\\'xx`` characters, when the file does not say it
            (``\\ansicpg``); cp1252 by default, as Word writes.

    Raises:
        IngestError: not RTF, or characters the code page cannot decode.
    """
    from striprtf.striprtf import rtf_to_text

    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise IngestError("not an RTF file (it does not start with '{\\rtf')", path=path)
    found = _CODEPAGE.search(data[:4096])
    codepage = encoding or (f"cp{found.group(1).decode()}" if found else "cp1252")
    try:
        # RTF is 7-bit; a writer that put 8-bit bytes in meant the code page's characters
        text = rtf_to_text(data.decode(codepage), encoding=codepage, errors="strict")
    except LookupError:
        raise IngestError(f"unknown code page '{codepage}' (\\ansicpg or --encoding)",
                          path=path) from None
    except UnicodeDecodeError as e:
        raise IngestError(f"characters the code page {codepage} cannot decode ({e.reason}); "
                          "give --encoding", path=path) from None
    text = normalise(text.replace(SOFT_HYPHEN, ""))
    if not text.strip():
        raise IngestError("the .rtf file has no text", path=path)
    return "\n".join(line.rstrip() for line in text.split("\n")), {}, {}
