"""Legacy text without a label is read in the code page its words belong to: Latin-1
Spanish, French, German and Portuguese stay Western (the detector took short texts for
Central European `mańana` or Arabic `enseٌaré`), while real Central European, Arabic,
Turkish, Cyrillic, East Asian and Mac text still decodes right."""

# ruff: noqa: RUF001 (real Turkish and Chinese letters and commas)

from __future__ import annotations

import io

import pytest

from tui.core.evidence import formats
from tui.core.evidence.formats.base import Text
from tui.core.evidence.formats.encodings import guessed_codec, text_of

WESTERN = [
    "te enseñaré... Año... Ça va... ÀÉÎÕÜ",
    "te enseñaré… Año… Ça va… ÀÉÎÕÜ\n",
    "mañana",
    "Ça va? Où?",
    "Não, ação",
    "Größe Straße",
    "Me dijo que iba a enseñar las fotos a todo el mundo si no volvía con él. Mañana a "
    "las ocho en la estación, dijo. Año nuevo, vida nueva.",
    "Il m'a dit qu'il allait montrer les photos à tout le monde. Ça va mal finir, j'ai "
    "très peur. Où es-tu ? Réponds-moi vite, c'était une erreur. Déjà vu, père, mère.",
    "Ich habe Angst, dass er die Fotos überall zeigt. Größe, Straße, schön, Mädchen, "
    "hör auf! Er hat gesagt, dass er morgen kommt.",
    "Ele disse que ia mostrar as fotos a toda a gente. Não sei o que fazer, estou com "
    "medo. Você está aí? Coração, ação, informação.",
    "Lo siento, mañana\r\nAdiós\r\n",
]


@pytest.mark.parametrize("text", WESTERN)
def test_western_text_in_a_legacy_code_page_reads_as_written(text: str):
    data = text.encode("cp1252")
    assert guessed_codec(data) == "cp1252"
    assert text_of(data) == text


OTHERS = [
    (
        "Powiedział, że pokaże zdjęcia wszystkim, jeśli do niego nie wrócę. Boję się, że "
        "zrobi to jutro. Źle się czuję, proszę o pomoc. Zażółć gęślą jaźń.",
        "cp1250",
    ),
    ("Źle się czuję", "cp1250"),
    (
        "Řekl, že ukáže fotky všem, když se k němu nevrátím. Bojím se, že to udělá zítra.",
        "cp1250",
    ),
    (
        "قال إنه سيعرض الصور على الجميع إذا لم أعد إليه. أنا خائفة جدا ولا أعرف ماذا أفعل.",
        "cp1256",
    ),
    ("أنا خائفة", "cp1256"),  # a short line the detector took for Japanese
    ("Он сказал, что покажет фотографии всем, если я не вернусь. Мне очень страшно.", "cp1251"),
    ("Είπε ότι θα δείξει τις φωτογραφίες σε όλους. Φοβάμαι πολύ.", "cp1253"),
    (
        "Fotoğrafları herkese göstereceğini söyledi. Çok korkuyorum, ne yapacağımı bilmiyorum.",
        "cp1254",
    ),
    ("הוא אמר שהוא יראה את התמונות לכולם. אני מאוד מפחדת.", "cp1255"),
    ("彼は写真をみんなに見せると言いました。とても怖いです。助けてください。", "shift_jis"),
    ("他说如果我不回去，他就把照片发给所有人。我很害怕，不知道该怎么办。", "gb18030"),
    (
        "Il m'a dit qu'il allait montrer les photos à tout le monde.\rÇa va mal finir.\r",
        "mac_roman",
    ),
    (
        "Il m'a dit qu'il allait montrer les photos à tout le monde.\nÇa va mal finir, "
        "j'ai très peur. Où es-tu ?\n",
        "mac_roman",
    ),
]


@pytest.mark.parametrize(("text", "codec"), OTHERS)
def test_text_of_other_code_pages_still_reads_as_written(text: str, codec: str):
    assert text_of(text.encode(codec)) == text


def test_a_latin1_file_prints_in_the_binder_with_its_own_letters_and_is_found_by_them():
    text = "Me dijo: te enseñaré las fotos mañana... Año nuevo. Ça va? ÀÉÎÕÜ\n"
    data = text.encode("latin-1")
    handler, _facts = formats.describe(io.BytesIO(data), "latin1.txt")
    assert type(handler).__name__ == "PlainText"
    blocks, reason = formats.printable(data, "latin1.txt")
    assert reason == ""
    assert blocks == [Text(text)]
    assert isinstance(blocks[0], Text) and "mañana" in blocks[0].text
