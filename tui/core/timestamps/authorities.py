"""Public timestamp authorities a request can be sent to, by hand, from another device.

The names and addresses come from each authority's own pages, checked in December 2026:
FreeTSA's (freetsa.org: "https://freetsa.org/tsr", its roots at /files/cacert.pem),
Sectigo's time-stamping server page (sectigo.com/resource-library/time-stamping-server:
"http://timestamp.sectigo.com") and DigiCert's (digicert.com, "http://timestamp.digicert.com",
also what Bellingcat's auto-archiver sends to). An address over plain http is safe here: the
reply is signed, and Reclaim checks the signature before it keeps anything."""

from __future__ import annotations

from dataclasses import dataclass


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
        "https://freetsa.org/files/cacert.pem, give it with --ca-file",
    ),
    Authority("DigiCert", "http://timestamp.digicert.com", "shipped with Reclaim"),
    Authority("Sectigo", "http://timestamp.sectigo.com", "shipped with Reclaim"),
)
