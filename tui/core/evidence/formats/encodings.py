"""The character encodings a file may name for its own text (`<meta charset>`, a MIME
part's `charset=`, an encoded word in a header, a WARC record's `Content-Type`), checked
against an allow-list before anything is decoded.

Python's codec registry holds much more than text encodings: `punycode` and `idna` decode
in time that grows with the square of the input (a megabyte takes minutes), and names such
as `zlib`, `bz2`, `base64`, `uu`, `rot13` or `utf-7` are transforms, not encodings a page or
a message is written in. So a label is looked up in the WHATWG Encoding Standard's table
of labels (what browsers and mail readers accept), plus a few Unicode and mail encodings,
each mapped to a Python codec that decodes in linear time; any other label is no label at
all, and the text is read as if it had none (UTF-8, or Windows-1252 when that fails)."""

from __future__ import annotations

import re

from tui.core.evidence.formats import plausible_words

#: WHATWG labels (and a few more from mail) for each Python codec they map to. Every codec
#: here is a single-byte table, a Unicode codec or one of CPython's C multibyte codecs.
_LABELS: dict[str, tuple[str, ...]] = {
    "utf-8": (
        "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
        "x-unicode20utf8",
    ),
    "cp866": ("866", "cp866", "csibm866", "ibm866"),
    "iso8859-2": (
        "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
        "iso_8859-2:1987", "l2", "latin2",
    ),
    "iso8859-3": (
        "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
        "iso_8859-3:1988", "l3", "latin3",
    ),
    "iso8859-4": (
        "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
        "iso_8859-4:1988", "l4", "latin4",
    ),
    "iso8859-5": (
        "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5",
        "iso88595", "iso_8859-5", "iso_8859-5:1988",
    ),
    "iso8859-6": (
        "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
        "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
        "iso_8859-6", "iso_8859-6:1987",
    ),
    "iso8859-7": (
        "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7",
        "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek",
    ),
    "iso8859-8": (
        "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e",
        "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual",
        "csiso88598i", "iso-8859-8-i", "logical",
    ),
    "iso8859-10": (
        "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6",
    ),
    "iso8859-13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso8859-14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso8859-15": (
        "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9",
    ),
    "iso8859-16": ("iso-8859-16",),
    "koi8-r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8-u": ("koi8-ru", "koi8-u"),
    "mac-roman": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "cp874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"),
    "cp1250": ("cp1250", "windows-1250", "x-cp1250"),
    "cp1251": ("cp1251", "windows-1251", "x-cp1251"),
    "cp1252": (
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1",
        "latin1", "us-ascii", "windows-1252", "x-cp1252",
    ),
    "cp1253": ("cp1253", "windows-1253", "x-cp1253"),
    "cp1254": (
        "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
        "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254",
    ),
    "cp1255": ("cp1255", "windows-1255", "x-cp1255"),
    "cp1256": ("cp1256", "windows-1256", "x-cp1256"),
    "cp1257": ("cp1257", "windows-1257", "x-cp1257"),
    "cp1258": ("cp1258", "windows-1258", "x-cp1258"),
    "mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "gbk": (
        "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
        "iso-ir-58", "x-gbk",
    ),
    "gb18030": ("gb18030",),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "euc-jp": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    "iso2022-jp": ("csiso2022jp", "iso-2022-jp"),
    "cp932": (
        "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
        "x-sjis",
    ),
    "cp949": (
        "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949",
    ),
    # Old mail encodings WHATWG leaves out of the web; CPython decodes them in C.
    "iso2022-kr": ("csiso2022kr", "iso-2022-kr"),
    "hz": ("hz-gb-2312",),
    "utf-16-be": ("unicodefffe", "utf-16be"),
    "utf-16-le": ("utf-16le",),
    # Python's utf-16 follows a byte order mark, as the labels below mean in mail.
    "utf-16": ("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16"),
    "utf-32": ("utf-32", "utf32"),
    "utf-32-be": ("utf-32be",),
    "utf-32-le": ("utf-32le",),
}  # fmt: skip

_CODECS: dict[str, str] = {label: codec for codec, labels in _LABELS.items() for label in labels}
#: No label is longer than this; a longer one is not looked at.
_LONGEST = max(map(len, _CODECS))


def codec_for(label: str | None) -> str | None:
    """The Python codec for an encoding label a file gives, or None when the label is not
    a real web or mail encoding (or there is none): never a transform such as `punycode`."""
    if not label or len(label) > _LONGEST + 8:
        return None
    return _CODECS.get(label.strip(" \t\r\n\f\"'").lower())


def decoded(data: bytes, label: str | None, errors: str = "replace") -> str:
    """Bytes decoded in the encoding their label names when it is allowed, else as UTF-8
    (`errors` as for `bytes.decode`; a strict decode may raise UnicodeDecodeError)."""
    return data.decode(codec_for(label) or "utf-8", errors)


#: Bytes a text file's encoding is guessed from (the detector samples them).
GUESS_BYTES = 64 * 1024
#: The encodings a text file without a label is tried in: those of old Windows, Mac and
#: Unix text, and the East Asian ones (each decodes in linear time).
_GUESSED = (
    "cp1252", "mac_roman", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "iso8859_15", "koi8_r", "cp932", "euc_jp", "gb18030", "big5", "cp949", "cp874",
)  # fmt: skip
#: A share of control characters that says the bytes are not text at all.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def text_of(data: bytes) -> str | None:
    """A text file's bytes as text, or None when they are not text: UTF-8, UTF-16 with
    its mark, else the legacy encoding `charset-normalizer` (MIT) finds among `_GUESSED`
    (Windows-1252 when that reads the same as its guess; Mac Roman for old Mac text,
    whose lines end in CR alone)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:GUESS_BYTES]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3:
            return data[: error.start].decode("utf-8-sig")
    codec = guessed_codec(data[:GUESS_BYTES])
    return data.decode(codec, "replace") if codec else None


#: The single-byte encodings the detector may pick over Windows-1252 only when their
#: reading is clearly the more plausible (see `plausible_words`).
_SINGLE_BYTE = frozenset({
    "mac_roman", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_15", "koi8_r", "cp874",
})  # fmt: skip
#: How much larger a rival's share of plausible words must be than Windows-1252's
#: (Turkish read as Windows-1252 looks Icelandic: `Fotoðraflarý`, 4 words in 5).
_CLEARLY_BETTER = 0.15


def guessed_codec(sample: bytes) -> str | None:
    """The legacy encoding of a text sample, or None when it reads as no text.

    Windows-1252 (Latin-1 and more: Spanish, French, German, Portuguese, English) is
    preferred to another single-byte encoding the detector picks unless that one's
    reading is clearly more plausible word by word: on a short text the detector takes
    `mañana` for Central European `mańana`, a line for Arabic, `Não` for Chinese.
    An East Asian pick stands unless Windows-1252 reads clearly more plausibly."""
    import charset_normalizer

    if len(_CONTROLS.findall(sample.decode("latin-1"))) * 100 > len(sample):
        return None
    found = [match.encoding for match in charset_normalizer.from_bytes(
        sample, cp_isolation=list(_GUESSED), explain=False
    )]  # fmt: skip
    if found and b"\r" in sample and b"\n" not in sample and "mac_roman" in found:
        return "mac_roman"
    pick = _east_asian_or_not(sample, found) if found else None
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        return pick
    share = plausible_words.share(western)
    if pick is None:  # the detector finds nothing in a short text: is it words?
        return "cp1252" if share is None or share >= 0.5 else None
    ours = share or 0.0
    theirs = sample.decode(pick, "replace")
    if theirs == western:
        return "cp1252"
    rival = plausible_words.share(theirs) or 0.0
    if pick not in _SINGLE_BYTE:  # East Asian: `Não` holds a Big5 pair, `ão`
        return "cp1252" if ours - rival > _CLEARLY_BETTER else pick
    return pick if rival - ours > _CLEARLY_BETTER else "cp1252"


def _east_asian_or_not(sample: bytes, found: list[str]) -> str:
    """The detector's first pick, or, when that is East Asian, a single-byte encoding it
    also found whose reading is clearly more plausible: a short Arabic line has byte
    pairs too, and comes out as Japanese half-width letters (`ﾃ萇 ﾎﾇﾆﾝﾉ`)."""
    if found[0] in _SINGLE_BYTE or found[0] == "cp1252":
        return found[0]
    theirs = plausible_words.share(sample.decode(found[0], "replace")) or 0.0
    for other in found[1:]:
        if other in _SINGLE_BYTE:
            reading = plausible_words.share(sample.decode(other, "replace")) or 0.0
            if reading - theirs > _CLEARLY_BETTER:
                return other
    return found[0]


#: Characters of a text looked at for the better reading (a mail's part is bounded anyway).
_MENDED_CHARS = 1_000_000


def unmangled(text: str, codec: str | None = None) -> str:
    """Text whose bytes were once read in the wrong single-byte encoding put right: UTF-8
    read as Latin-1 or Windows-1252 (`Ã©` for `é`, what Instagram's and Facebook's
    exports hold), or, with `codec`, bytes in that encoding read so (a Big5 mail passed
    through Latin-1). Other text comes back as it is.

    Only text whose every character has such a byte is tried, and only a strict decode
    counts, so real Latin-1 text (`café`) is never changed: its bytes are not UTF-8.
    `codec` is only for text already known to be read wrongly (its declared encoding
    failed): a few Latin-1 letters can happen to form a Big5 or Shift-JIS character."""
    if text.isascii() or len(text) > _MENDED_CHARS:
        return text
    for single in ("latin-1", "cp1252"):
        try:
            raw = text.encode(single)
        except UnicodeEncodeError:
            continue
        for target in ("utf-8", *((codec,) if codec else ())):
            try:
                fixed = raw.decode(target)
            except (UnicodeDecodeError, LookupError):
                continue
            if fixed != text:
                return fixed
    return text


def better_reading(
    data: bytes, label: str | None, text: str, guess: bool = True
) -> tuple[str, bool]:
    """(`text`, what `data` gave in the encoding its `label` declares, or a better reading
    when that one is wrong, and whether it was). It is wrong when it holds replacement
    characters where the bytes did not fit (a GB2312 label on UTF-8 text), or mojibake
    (UTF-8 read as Latin-1). The readings tried are UTF-8, the declared encoding behind a
    Latin-1 reading, and the one `charset-normalizer` (MIT) finds; the one with the
    fewest replacement characters wins, the declared one on a tie. The detector costs
    tens of milliseconds a call, so a caller of many parts asks it (`guess`) for a few."""
    if "\ufffd" not in text:
        mended = unmangled(text)
        return mended, mended != text
    declared = codec_for(label)
    readings = [text]
    try:
        readings.append(unmangled(data.decode("utf-8"), declared))
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            readings.append(unmangled(data[: error.start].decode("utf-8"), declared))
        elif guess and (guessed := guessed_codec(data[:GUESS_BYTES])):
            readings.append(data.decode(guessed, "replace"))
    best = min(readings, key=lambda reading: reading.count("\ufffd"))
    return best, best is not text


def mended_header(text: str, codec: str | None) -> str:
    """A header written in raw 8-bit bytes that came out as Latin-1 mojibake, read again
    (see `unmangled`) in the encoding the message declares for its text: only when most
    of its letters are such characters, as in a mail whose Big5 subject went through
    Latin-1 (`¤j®a»¡`), never a name with one accented letter (`Mélanie`)."""
    letters = [char for char in text if not char.isspace()]
    high = sum(char >= "\x80" for char in letters)
    if not high or high * 3 < len(letters):
        return unmangled(text)
    return unmangled(text, codec)
