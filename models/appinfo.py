"""Application identity, kept in one place: the About box, the build and the CLI read it."""

APP_NAME = "Rapport"
APP_ID = "rapport-journal"
APP_TAGLINE = "A private relationship journal for consultants"
APP_VERSION = "0.1.0"
ORG_NAME = "Rapport"
