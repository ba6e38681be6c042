"""Personal data in the talk, found and replaced by pseudonyms (issue 16): a stage, no store.

``detect`` finds mentions (names, places, workplaces, identifiers, the project's own case
labels and attribute values) with proposed pseudonyms; ``review`` reads and writes the review
file a researcher edits; ``replace`` turns accepted rows into edits of the texts and a key.
"""

from .detect import REVIEW_COLUMNS, TYPES, Mention, detect

__all__ = ["detect", "Mention", "TYPES", "REVIEW_COLUMNS"]
