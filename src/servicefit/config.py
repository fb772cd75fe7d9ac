"""The one typed settings object, built by `load_settings()` and passed down.

Nothing reads the environment at import time. Development defaults are safe
(SQLite in a local data directory); production refuses unsafe settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from servicefit.errors import ConfigurationError

Environment = Literal["development", "test", "production"]


class Settings(BaseSettings):
    """Every setting servicefit reads, from SERVICEFIT_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="SERVICEFIT_", extra="ignore", frozen=True)

    environment: Environment = "development"
    data_dir: Path = Field(default=Path("var"))
    database_url: str | None = None
    secret_key: SecretStr | None = None
    default_organisation: str = "demo"
    base_url: str = "http://127.0.0.1:8000"  # how candidates and webhooks reach the app
    smtp_host: str | None = None  # invitations are e-mailed when set; links are shown otherwise
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "servicefit@localhost"
    smtp_starttls: bool = True

    @property
    def effective_database_url(self) -> str:
        """The configured URL, or a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'servicefit.db').resolve()}"

    def check_safe(self) -> None:
        if self.environment != "production":
            return
        if self.secret_key is None or len(self.secret_key.get_secret_value()) < 32:
            raise ConfigurationError(
                "SERVICEFIT_SECRET_KEY must be set to at least 32 random characters in production"
            )


def load_settings() -> Settings:
    try:
        settings = Settings()
    except ValidationError as error:
        raise ConfigurationError(str(error)) from None
    settings.check_safe()
    return settings
