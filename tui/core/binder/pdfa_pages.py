"""Which pages of someone else's PDF the binder can merge as they are and stay PDF/A
(ISO 19005): a font that isn't embedded, CMYK colour, JavaScript or another action,
optional content, annotations and the like each make a page that is printed as a
picture instead (see `pdf_pages`). veraPDF is the reference validator; this checks what
can go wrong with the binder's own parts, and the tests check the finished file."""

from __future__ import annotations

from typing import Any

import pikepdf

from tui.core.binder.pdf_bounds import MAX_CONTENT_BYTES, MAX_OBJECTS, TooLarge, decoded, values_of
from tui.core.shared.i18n import N_, _

#: Colour spaces that don't depend on a device other than the sRGB output intent.
_PLAIN_SPACES = {"/DeviceRGB", "/DeviceGray", "/Pattern", "/RGB", "/G"}


_FREE_SPACES = {"/ICCBased", "/CalRGB", "/CalGray", "/Lab"}


_BLEND_MODES = {
    "/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
    "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
    "/Hue", "/Saturation", "/Color", "/Luminosity",
}  # fmt: skip


_FORBIDDEN_FILTERS = {"/LZWDecode", "/LZW", "/JPXDecode", "/Crypt"}


#: The content operators PDF defines; PDF/A forbids any other, even between BX and EX.
_OPERATORS = frozenset({
    'b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0',
    'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID',
    'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S',
    'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm',
    'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"', 'INLINE IMAGE'
})  # fmt: skip


#: Operators that paint in CMYK, which an sRGB output intent can't describe.
_CMYK_OPERATORS = {"k", "K"}


TOO_LARGE = N_("its drawing is too large to inspect")


class _Unfit(Exception):
    """A page holds something PDF/A forbids; the message says what."""


def page_problem(page: pikepdf.Page) -> str:
    """Why this page can't be merged into a PDF/A file as it is ('' when it can): a font
    that isn't embedded, CMYK colour, JavaScript or another action, optional content,
    annotations (a form's filled-in values, notes) that merging would drop, ..."""
    try:
        _Walk().page(page)
    except _Unfit as why:
        return str(why)
    except TooLarge:
        return _(TOO_LARGE)
    except Exception:  # a page too damaged to inspect is rendered as a picture instead
        return _("it could not be inspected")
    return ""


class _Walk:
    def __init__(self) -> None:
        self.seen: set[tuple[int, int]] = set()
        self.content_bytes = 0
        self.limit = MAX_CONTENT_BYTES

    def _visit(self, obj: Any) -> bool:
        """False when this indirect object was already looked at."""
        if len(self.seen) > MAX_OBJECTS:
            raise _Unfit(_("it holds too many objects to inspect"))
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            key = obj.objgen
            if key in self.seen:
                return False
            self.seen.add(key)
        return True

    def page(self, page: pikepdf.Page) -> None:
        for annotation in page.obj.get("/Annots", pikepdf.Array()):
            if isinstance(annotation, pikepdf.Dictionary) and annotation.get("/Subtype") not in (
                pikepdf.Name.Link,
                pikepdf.Name.Popup,
            ):
                raise _Unfit(_("it carries annotations or form fields"))
        if "/AA" in page.obj:
            raise _Unfit(_("it runs actions when opened"))
        group = page.obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary):
            self.colour_space(group.get("/CS"))
        self.content(page)
        self.resources(page.obj.get("/Resources"))

    def content(self, holder: Any) -> None:
        contents = holder.obj.get("/Contents") if isinstance(holder, pikepdf.Page) else holder
        streams = (
            [contents]
            if isinstance(contents, pikepdf.Stream)
            else list(contents or pikepdf.Array())
        )
        if len(streams) > MAX_OBJECTS:
            raise TooLarge
        for stream in streams:
            if not isinstance(stream, pikepdf.Stream):
                continue
            self.stream(stream)
            self.content_bytes += len(decoded(stream, self.limit - self.content_bytes))
        for item in pikepdf.parse_content_stream(holder):
            operator = str(item.operator)
            if operator not in _OPERATORS:
                raise _Unfit(_("it uses drawing instructions PDF doesn't define"))
            if operator in _CMYK_OPERATORS:
                raise _Unfit(_("it paints in CMYK colour"))
            if operator in ("cs", "CS") and item.operands:
                self.colour_space(item.operands[0], named_only=True)
            if operator == "BDC" and item.operands and item.operands[0] == pikepdf.Name.OC:
                raise _Unfit(_("it has optional content (layers)"))
            if operator == "INLINE IMAGE":
                image = item.operands[0].obj
                space = image.get("/CS", image.get("/ColorSpace"))
                if space is not None:
                    self.colour_space(space, named_only=True)

    def stream(self, stream: pikepdf.Stream) -> None:
        if "/F" in stream or "/FFilter" in stream:
            raise _Unfit(_("it refers to a file outside it"))
        filters = stream.get("/Filter")
        names = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
        for name in names:
            if str(name) in _FORBIDDEN_FILTERS:
                raise _Unfit(_("it uses {name} compression").format(name=str(name)[1:]))

    def resources(self, resources: Any) -> None:
        if not isinstance(resources, pikepdf.Dictionary) or not self._visit(resources):
            return
        for font in values_of(resources.get("/Font")):
            self.font(font)
        for xobject in values_of(resources.get("/XObject")):
            self.xobject(xobject)
        for state in values_of(resources.get("/ExtGState")):
            self.graphics_state(state)
        for space in values_of(resources.get("/ColorSpace")):
            self.colour_space(space)
        for pattern in values_of(resources.get("/Pattern")):
            self.pattern(pattern)
        for shading in values_of(resources.get("/Shading")):
            self.colour_space(shading.get("/ColorSpace"))
        for prop in values_of(resources.get("/Properties")):
            if isinstance(prop, pikepdf.Dictionary) and prop.get("/Type") in (
                pikepdf.Name.OCG,
                pikepdf.Name.OCMD,
            ):
                raise _Unfit(_("it has optional content (layers)"))

    def font(self, font: Any) -> None:
        if not isinstance(font, pikepdf.Dictionary) or not self._visit(font):
            return
        subtype = font.get("/Subtype")
        if subtype == pikepdf.Name.Type3:
            for glyph in values_of(font.get("/CharProcs")):
                if isinstance(glyph, pikepdf.Stream) and self._visit(glyph):
                    self.content(glyph)
            self.resources(font.get("/Resources"))
            return
        described: Any = font
        if subtype == pikepdf.Name.Type0:
            descendants = font.get("/DescendantFonts")
            described = descendants[0] if descendants else pikepdf.Dictionary()
        descriptor = described.get("/FontDescriptor")
        name = str(font.get("/BaseFont", "/a font"))[1:]
        files = [
            descriptor.get(key)
            for key in ("/FontFile", "/FontFile2", "/FontFile3")
            if isinstance(descriptor, pikepdf.Dictionary) and key in descriptor
        ]
        if not files:
            raise _Unfit(_("its font {name} is not embedded").format(name=name))
        if not isinstance(files[0], pikepdf.Stream) or not _looks_like_font(files[0]):
            raise _Unfit(_("its font {name} is damaged").format(name=name))

    def xobject(self, xobject: Any) -> None:
        if not isinstance(xobject, pikepdf.Stream) or not self._visit(xobject):
            return
        self.stream(xobject)
        if "/OC" in xobject:
            raise _Unfit(_("it has optional content (layers)"))
        if "/OPI" in xobject or "/Alternates" in xobject:
            raise _Unfit(_("it holds printing-press instructions"))
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            if bool(xobject.get("/Interpolate", False)):
                raise _Unfit(_("it asks for smoothed pictures"))
            if not xobject.get("/ImageMask", False):
                self.colour_space(xobject.get("/ColorSpace"))
            if isinstance(xobject.get("/SMask"), pikepdf.Stream):
                self.xobject(xobject.SMask)
        elif subtype == pikepdf.Name.Form:
            if "/PS" in xobject or "/Ref" in xobject or xobject.get("/Subtype2") is not None:
                raise _Unfit(_("it holds PostScript or a reference to another file"))
            group = xobject.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and "/CS" in group:
                self.colour_space(group.CS)
            self.content(xobject)
            self.resources(xobject.get("/Resources"))
        else:
            raise _Unfit(_("it holds PostScript"))

    def graphics_state(self, state: Any) -> None:
        if not isinstance(state, pikepdf.Dictionary) or not self._visit(state):
            return
        if "/TR" in state or "/HTP" in state or "/HT" in state:
            raise _Unfit(_("it sets printing-press transfer functions"))
        if state.get("/TR2", pikepdf.Name.Default) != pikepdf.Name.Default:
            raise _Unfit(_("it sets printing-press transfer functions"))
        modes = state.get("/BM", pikepdf.Name.Normal)
        for mode in [modes] if isinstance(modes, pikepdf.Name) else list(modes):
            if str(mode) not in _BLEND_MODES:
                raise _Unfit(_("it uses a blend mode PDF/A doesn't know"))
        mask = state.get("/SMask")
        if isinstance(mask, pikepdf.Dictionary):
            self.xobject(mask.get("/G"))

    def pattern(self, pattern: Any) -> None:
        if not isinstance(pattern, pikepdf.Object) or not self._visit(pattern):
            return
        if pattern.get("/PatternType") == 1 and isinstance(pattern, pikepdf.Stream):
            self.content(pattern)
            self.resources(pattern.get("/Resources"))
        elif isinstance(pattern.get("/Shading"), pikepdf.Dictionary):
            self.colour_space(pattern.Shading.get("/ColorSpace"))

    def colour_space(self, space: Any, named_only: bool = False) -> None:
        """DeviceCMYK (directly, or as the fallback of a spot colour) needs a CMYK output
        intent, which a binder printed in sRGB doesn't have. A name not known here is a
        resource name, already looked at among the resources."""
        if space is None:
            return
        if isinstance(space, pikepdf.Name):
            if str(space) in ("/DeviceCMYK", "/CMYK"):
                raise _Unfit(_("it paints in CMYK colour"))
            return
        if named_only or not isinstance(space, pikepdf.Array) or not len(space):
            return
        family = str(space[0])
        if family == "/ICCBased":
            _check_profile(space[1] if len(space) > 1 else None)
            return
        if family in _FREE_SPACES:
            return
        if family in ("/Indexed", "/I", "/Pattern") and len(space) > 1:
            self.colour_space(space[1])
        elif family in ("/Separation", "/DeviceN") and len(space) > 2:
            self.colour_space(space[2])
        elif family not in _PLAIN_SPACES:
            raise _Unfit(_("it uses the colour space {name}").format(name=family[1:]))


#: How each kind of embedded font program begins (TrueType, OpenType, Type 1 as text
#: or PFB, CFF: its major version 1).
_FONT_STARTS = (b"\x00\x01\x00\x00", b"true", b"OTTO", b"ttcf", b"%!", b"\x80\x01", b"\x01")


_PROFILE_SPACES = {1: b"GRAY", 3: b"RGB ", 4: b"CMYK"}


def _head(stream: pikepdf.Stream, size: int) -> bytes:
    try:
        return decoded(stream, 64 * 1024 * 1024)[:size]
    except TooLarge:
        raise _Unfit(_("it holds a part too large to inspect")) from None


def _looks_like_font(stream: pikepdf.Stream) -> bool:
    return _head(stream, 4).startswith(_FONT_STARTS)


def _check_profile(profile: Any) -> None:
    """PDF/A asks for a real ICC profile whose colours match its /N."""
    if not isinstance(profile, pikepdf.Stream):
        raise _Unfit(_("its colour profile is damaged"))
    head = _head(profile, 128)
    components = profile.get("/N")
    expected = _PROFILE_SPACES.get(int(components) if isinstance(components, int) else 0)
    if len(head) < 128 or head[36:40] != b"acsp" or head[16:20] != expected:
        raise _Unfit(_("its colour profile is damaged"))
