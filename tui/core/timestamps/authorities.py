"""Public timestamp authorities a request can be sent to, by hand, from another device.

Where each name and address comes from (looked up in December 2026):
- Sectigo: its own page, sectigo.com/resource-library/time-stamping-server, which gives
  http://timestamp.sectigo.com for RFC 3161 requests;
- FreeTSA: https://freetsa.org/tsr, with its roots at https://freetsa.org/files/cacert.pem,
  as projects that use it document them (e.g. SESHAT's RFC 3161 page); its root is not
  among Mozilla's, so it is given with --ca-file;
- DigiCert: http://timestamp.digicert.com, as Bellingcat's auto-archiver uses it (its issue
  187 shows a reply from it); its roots are among Mozilla's.
Plain http is safe here: the reply is signed, and Reclaim checks the signature before it
keeps anything."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.shared.i18n import N_


@dataclass(frozen=True)
class Authority:
    name: str
    url: str
    roots: str
    """Where its root certificate comes from, for `--ca-file` when it is not shipped."""


AUTHORITIES = (
    Authority(
        "FreeTSA",
        "https://freetsa.org/tsr",
        N_("https://freetsa.org/files/cacert.pem, give it with --ca-file"),
    ),
    Authority("DigiCert", "http://timestamp.digicert.com", N_("shipped with Reclaim")),
    Authority("Sectigo", "http://timestamp.sectigo.com", N_("shipped with Reclaim")),
)
