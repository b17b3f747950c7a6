"""Checking an authority's reply offline: granted, signed by a certificate with the
time-stamping purpose that chains to a trusted root, for this request's nonce and digest.

rfc3161-client (Trail of Bits, Apache-2.0) parses the request and reply and checks the
signature, the chain and the purpose; asn1crypto (MIT) reads the few fields of the signer's
record that rfc3161-client does not check (the versions and the signature algorithm named),
so that a reply changed anywhere, even in a field no signature covers, is refused.
Trusted roots: Mozilla's, as certifi ships them, and any the person gives."""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.utils import CryptographyDeprecationWarning

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from rfc3161_client import TimeStampResponse

NOT_A_REPLY = N_("This file is not a time-stamp reply, or it was damaged; nothing was kept.")
NOT_GRANTED = N_("The authority did not grant this time-stamp; nothing was kept.")
NOT_OURS = N_("This reply is for another request, not one this case made; nothing was kept.")
CHANGED = N_(
    "This reply does not check: it was changed after the authority signed it; nothing was kept."
)
UNKNOWN = N_(
    "This reply is signed by an authority Reclaim does not know, so nothing was kept; if "
    "you trust it, give its root certificate with --ca-file."
)
NO_SIGNER = N_(
    "This reply does not carry the authority's certificate, so nothing was kept; give it, "
    "with its root, in the file named with --ca-file."
)
#: The message imprint's algorithm in every request Reclaim writes.
SHA256 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")
NOT_PEM = N_("The file given with --ca-file holds no certificate Reclaim can read.")


@dataclass(frozen=True)
class Reply:
    """What a reply says, read before it is checked."""

    nonce: int
    digest: bytes
    time: datetime


@dataclass(frozen=True)
class Checked:
    time: datetime
    """When the authority says it saw the digest (UTC)."""
    authority: str
    """The signing certificate's subject."""
    roots_pem: str
    """The roots it chains to: given to `openssl ts -verify -CAfile` in the package."""


def read_reply(data: bytes) -> Reply:
    """The nonce, digest and time a reply names; refused if it is no granted reply."""
    from rfc3161_client import PKIStatus

    try:
        response = decoded(data)
        status = response.status
        if status != PKIStatus.GRANTED:
            raise InputError(_(NOT_GRANTED))
        info = response.tst_info
        return Reply(info.nonce, info.message_imprint.message, info.gen_time.astimezone(UTC))
    except InputError:
        raise
    except Exception:  # a crafted or damaged reply: whatever the parser raises
        raise InputError(_(NOT_A_REPLY)) from None


def decoded(data: bytes) -> TimeStampResponse:
    """The reply, read by rfc3161-client. It reads strict DER, where the certificates a
    reply carries are a SET OF sorted by their encoding; some authorities (OpenSSL's
    `ts -reply -chain` among them) send them in chain order instead. No signature covers
    that order, so a reply refused for it alone is read again with its certificates in
    DER's order (asn1crypto); the reply kept is always the one the authority sent."""
    from rfc3161_client import decode_timestamp_response

    try:
        return decode_timestamp_response(data)
    except ValueError:
        return decode_timestamp_response(_certificates_sorted(data))


def _certificates_sorted(data: bytes) -> bytes:
    from asn1crypto import cms, tsp

    reply = tsp.TimeStampResp.load(data)
    signed = reply["time_stamp_token"]["content"]
    encodings = sorted(choice.dump() for choice in signed["certificates"])
    signed["certificates"] = cms.CertificateSet(
        [cms.CertificateChoices.load(encoding) for encoding in encodings]
    )
    return bytes(reply.dump())


def load_roots(given: bytes) -> list[x509.Certificate]:
    """The certificates of a `--ca-file`: PEM (one or a bundle), or one in DER (.cer, .crt)."""
    try:
        return x509.load_pem_x509_certificates(given)
    except ValueError:
        pass
    try:
        return [x509.load_der_x509_certificate(given)]
    except ValueError:
        raise InputError(_(NOT_PEM)) from None


@functools.cache
def shipped_roots() -> tuple[x509.Certificate, ...]:
    """Mozilla's roots (certifi, MPL-2.0, used unchanged as data). One of them has a serial
    number of 0, which cryptography warns of and still reads."""
    import certifi

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return tuple(x509.load_pem_x509_certificates(certifi.contents().encode("ascii")))


def check_reply(data: bytes, nonce: int, digest: bytes, given: list[x509.Certificate]) -> Checked:
    """Check `data` against the request it answers (its `nonce`, and the SHA-256 `digest`
    it must carry; Reclaim's requests name no policy), trusting Mozilla's roots and
    `given`; one sentence (InputError) when it fails. Whatever the parsers raise on a
    damaged or crafted reply (they read lazily, each field as it is asked for) is
    refused in the same sentence."""
    try:
        return _check(data, nonce, digest, given)
    except InputError:
        raise
    except Exception:
        raise InputError(_(NOT_A_REPLY)) from None


def _check(data: bytes, nonce: int, digest: bytes, given: list[x509.Certificate]) -> Checked:
    from rfc3161_client import VerifierBuilder

    try:
        response = decoded(data)
        certificates = [
            x509.load_der_x509_certificate(c) for c in response.signed_data.certificates
        ]
    except Exception:  # a crafted or damaged reply: whatever the parsers raise
        raise InputError(_(NOT_A_REPLY)) from None
    if response.tst_info.message_imprint.hash_algorithm != SHA256:
        raise InputError(_(NOT_OURS))  # Reclaim asks for SHA-256 alone
    if certificates:
        signer = _signer(response, certificates, CHANGED)
    else:
        signer = _signer(response, given, NO_SIGNER)
    _check_signer_record(data, signer)
    # Only the shipped roots the reply's chain names can anchor it (a chain is found by
    # names): checking against those alone costs the same however many are shipped.
    named = {c.issuer for c in certificates} | {c.subject for c in certificates}
    anchors = [root for root in shipped_roots() if root.subject in named]
    trusted = _unique([*given, *anchors])
    builder = VerifierBuilder().nonce(nonce)
    if not certificates:  # the reply left out the signer's certificate: it was given
        builder = builder.tsa_certificate(signer)
    for root in trusted:
        builder = builder.add_root_certificate(root)
    try:
        checks = bool(trusted) and builder.build().verify(response, digest)
    except Exception:  # VerificationError, or what a crafted reply makes it raise
        checks = False
    if not checks:
        # A chain that reaches no trusted root by name is an unknown authority's; one
        # that does, yet does not check, was changed.
        known = any(root.subject in named for root in trusted)
        raise InputError(_(CHANGED if known else UNKNOWN))
    return Checked(
        time=response.tst_info.gen_time.astimezone(UTC),
        authority=signer.subject.rfc4514_string(),
        roots_pem="".join(root.public_bytes(Encoding.PEM).decode("ascii") for root in trusted),
    )


def _unique(certificates: list[x509.Certificate]) -> list[x509.Certificate]:
    seen: dict[bytes, x509.Certificate] = {}
    for certificate in certificates:
        seen.setdefault(certificate.public_bytes(Encoding.DER), certificate)
    return list(seen.values())


def _signer(
    response: object, certificates: list[x509.Certificate], missing: str
) -> x509.Certificate:
    """The certificate named by the reply's one signer record, among those it carries (Reclaim
    asks for them with certReq) or, when it carries none, those given with --ca-file."""
    infos = list(response.signed_data.signer_infos)  # type: ignore[attr-defined]
    if len(infos) != 1:
        raise InputError(_(CHANGED))
    info = infos[0]
    for certificate in certificates:
        if certificate.issuer == info.issuer and certificate.serial_number == info.serial_number:
            return certificate
    raise InputError(_(missing))


#: The signature algorithms a signer's key may name (asn1crypto's `signature_algo`).
_KEY_ALGORITHMS = ((rsa.RSAPublicKey, "rsassa_pkcs1v15"), (ec.EllipticCurvePublicKey, "ecdsa"))


def _check_signer_record(data: bytes, signer: x509.Certificate) -> None:
    """The fields of the signed data that no signature covers must be what RFC 5652 and
    the signer's key say they are (version 3, signer record 1, the key's own algorithm
    with the digest named), or the reply was changed."""
    from asn1crypto import tsp

    try:
        signed = tsp.TimeStampResp.load(data)["time_stamp_token"]["content"]
        info = signed["signer_infos"][0]
        named = info["signature_algorithm"]
        algorithm = named.signature_algo
        digest = info["digest_algorithm"]["algorithm"].native
        try:
            hashed = named.hash_algo
        except ValueError:  # rsaEncryption names no hash: the digest algorithm says it
            hashed = digest
        versions = (signed["version"].native, info["version"].native)
    except Exception:  # asn1crypto parses lazily: a damaged field raises as it is read
        raise InputError(_(NOT_A_REPLY)) from None
    key = signer.public_key()
    expected = next((name for kind, name in _KEY_ALGORITHMS if isinstance(key, kind)), None)
    if versions != ("v3", "v1") or algorithm != expected or hashed != digest:
        raise InputError(_(CHANGED))
