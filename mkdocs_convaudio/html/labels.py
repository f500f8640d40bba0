"""The player's own words in the page's language: its title, links, transcript heading and controls."""

from __future__ import annotations

from dataclasses import dataclass

#: `player_title`'s default: a site that leaves it gets each page's language's words for it
DEFAULT_TITLE = "Listen to this conversation"


@dataclass(frozen=True)
class Labels:
    """What the player says besides the conversation (the script's controls read theirs from the player)."""

    title: str
    download: str
    download_video: str
    transcript: str
    speed: str
    seek: str


#: By primary language subtag; the languages whose spoken text the plugin also knows (`text/spoken/tables.py`).
LABELS = {
    "en": Labels(DEFAULT_TITLE, "Download MP3", "Download video", "Transcript", "Speed", "Seek to"),
    "fr": Labels(
        "Écouter cette conversation",
        "Télécharger le MP3",
        "Télécharger la vidéo",
        "Transcription",
        "Vitesse",
        "Aller à",
    ),
    "de": Labels(
        "Dieses Gespräch anhören", "MP3 herunterladen", "Video herunterladen", "Transkript", "Tempo", "Springen zu"
    ),
    "es": Labels(
        "Escuchar esta conversación", "Descargar el MP3", "Descargar el vídeo", "Transcripción", "Velocidad", "Ir a"
    ),
    "it": Labels(
        "Ascolta questa conversazione", "Scarica l'MP3", "Scarica il video", "Trascrizione", "Velocità", "Vai a"
    ),
    "pt": Labels("Ouvir esta conversa", "Baixar o MP3", "Baixar o vídeo", "Transcrição", "Velocidade", "Ir para"),
}


def labels(language: str) -> Labels:
    """The player's words for a page in `language` (a BCP 47 tag); English for a language without its own."""
    return LABELS.get(language.replace("_", "-").split("-")[0].lower(), LABELS["en"])


def player_title(configured: str, language: str) -> str:
    """`player_title` as configured, or, left at its default, in the page's language."""
    return labels(language).title if configured == DEFAULT_TITLE else configured
