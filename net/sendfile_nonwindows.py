"""net/sendfile_nonwindows.go (go1.27.0): sendfile is always available off Windows."""

from __future__ import annotations


def supportsSendfile() -> bool:
    """net/sendfile_nonwindows.go: supportsSendfile. Always True on Linux.

    (Only Windows client editions lack it; there Go consults
    ``testHookSupportsSendfile``.)
    """
    return True
