"""A timestamp authority of the test's own, made with the openssl command: a root CA, a
time-stamping certificate it issued (critical timeStamping EKU) and an `openssl ts` config,
so that a request Reclaim writes can be answered as a public authority would."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(
    OPENSSL is None, reason="the openssl command makes the test's timestamp authority"
)

EXTENSIONS = """\
[req]
distinguished_name = dn
[dn]
[root]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[tsa]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""

TS_CONFIG = """\
[tsa]
default_tsa = test_tsa
[test_tsa]
serial = {folder}/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def openssl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    assert OPENSSL is not None
    return subprocess.run(
        [OPENSSL, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=30
    )


@dataclass(frozen=True)
class TimestampAuthority:
    folder: Path

    @property
    def root(self) -> Path:
        """The root certificate (PEM), for --ca-file."""
        return self.folder / "root.pem"

    def reply(self, request: Path, out: Path, chain: bool = False) -> Path:
        """The authority's signed reply to `request`, written to `out`; with `chain`, it
        carries the root too, after the signer's certificate (not in DER's order)."""
        made = openssl(
            "ts", "-reply", "-queryfile", str(request),
            "-signer", str(self.folder / "tsa.pem"), "-inkey", str(self.folder / "tsa.key"),
            "-config", str(self.folder / "ts.cnf"), "-out", str(out),
            *(("-chain", str(self.root)) if chain else ()),
        )  # fmt: skip
        assert made.returncode == 0 and out.is_file(), made.stderr
        return out


def make_authority(folder: Path) -> TimestampAuthority:
    """A root and a time-stamping certificate it issued, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ext.cnf").write_text(EXTENSIONS)
    (folder / "ts.cnf").write_text(TS_CONFIG.format(folder=folder))
    (folder / "serial").write_text("01\n")
    key = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    steps = [
        ("req", "-x509", *key, "-keyout", "root.key", "-out", "root.pem", "-days", "3650",
         "-config", "ext.cnf", "-extensions", "root", "-subj", "/CN=Reclaim Test Root"),
        ("req", "-new", *key, "-keyout", "tsa.key", "-out", "tsa.csr",
         "-config", "ext.cnf", "-subj", "/O=Reclaim Tests/CN=Test TSA"),
        ("x509", "-req", "-in", "tsa.csr", "-CA", "root.pem", "-CAkey", "root.key",
         "-CAcreateserial", "-out", "tsa.pem", "-days", "3650",
         "-extfile", "ext.cnf", "-extensions", "tsa"),
    ]  # fmt: skip
    for step in steps:
        done = openssl(*step, cwd=folder)
        assert done.returncode == 0, done.stderr
    return TimestampAuthority(folder)
