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
    #: how to move between the transcript's lines with the keyboard, read once by a screen reader
    keys: str
    #: what follows `keys` when a line has links: they are the Tab stops after its line's (`convaudio.js`)
    link_keys: str


#: By primary language subtag (`zh-hant` for Traditional Chinese); English for a language without its own. Kept
#: short and plain: a seek button's name is the seek label and the line's time ("Seek to 1:23"), its line's words
#: its description. A language that says the time before the verb writes `{time}` where it goes: Hindi's "1:23
#: पर जाएँ", Turkish's "1:23 konumuna git" (the suffix on "konum", not on the number, which Turkish would have to
#: harmonize with each time as read aloud). `keys` tells a screen reader's user how to move between the lines (the
#: transcript is one Tab stop; the arrow keys go from line to line), and `link_keys`, added to it when lines have
#: links, that Tab goes from a line to its links.
LABELS = {
    "en": Labels(
        DEFAULT_TITLE,
        "Download MP3",
        "Download video",
        "Transcript",
        "Speed",
        "Seek to",
        "Up and Down arrows move between lines; Enter plays from a line.",
        "Tab goes to the current line's links.",
    ),
    "fr": Labels(
        "Écouter cette conversation",
        "Télécharger le MP3",
        "Télécharger la vidéo",
        "Transcription",
        "Vitesse",
        "Aller à",
        # a narrow no-break space before ";", as French typesets it: a line is never broken before the sign
        "Les flèches haut et bas permettent de passer d'une ligne à l'autre\u202f; "
        "Entrée lance la lecture à partir de la ligne choisie.",
        "La touche Tab mène aux liens de la ligne en cours.",
    ),
    "de": Labels(
        "Dieses Gespräch anhören",
        "MP3 herunterladen",
        "Video herunterladen",
        "Transkript",
        "Tempo",
        "Springen zu",
        "Mit den Pfeiltasten nach oben und unten wechseln Sie zwischen den Zeilen; "
        "die Eingabetaste startet die Wiedergabe ab dieser Zeile.",
        "Die Tabulatortaste führt zu den Links der aktuellen Zeile.",
    ),
    "es": Labels(
        "Escuchar esta conversación",
        "Descargar el MP3",
        "Descargar el vídeo",
        "Transcripción",
        "Velocidad",
        "Ir a",
        "Las flechas arriba y abajo permiten pasar de una línea a otra; Intro reproduce desde la línea elegida.",
        "La tecla Tab lleva a los enlaces de la línea actual.",
    ),
    "it": Labels(
        "Ascolta questa conversazione",
        "Scarica l'MP3",
        "Scarica il video",
        "Trascrizione",
        "Velocità",
        "Vai a",
        "Le frecce su e giù permettono di passare da una riga all'altra; "
        "Invio avvia la riproduzione dalla riga scelta.",
        "Il tasto Tab porta ai link della riga corrente.",
    ),
    "pt": Labels(
        "Ouvir esta conversa",
        "Baixar o MP3",
        "Baixar o vídeo",
        "Transcrição",
        "Velocidade",
        "Ir para",
        "As setas para cima e para baixo permitem passar de uma linha para outra; "
        "Enter reproduz a partir da linha escolhida.",
        "A tecla Tab leva aos links da linha atual.",
    ),
    "nl": Labels(
        "Luister naar dit gesprek",
        "MP3 downloaden",
        "Video downloaden",
        "Transcriptie",
        "Snelheid",
        "Ga naar",
        "Met de pijltoetsen omhoog en omlaag ga je van regel naar regel; met Enter speel je af vanaf die regel.",
        "Met Tab ga je naar de links in de huidige regel.",
    ),
    "sv": Labels(
        "Lyssna på samtalet",
        "Ladda ner MP3",
        "Ladda ner video",
        "Transkription",
        "Hastighet",
        "Gå till",
        "Med uppåtpil och nedåtpil flyttar du mellan raderna; Retur spelar upp från den valda raden.",
        "Med Tabb går du till länkarna på den aktuella raden.",
    ),
    "da": Labels(
        "Lyt til samtalen",
        "Download MP3",
        "Download video",
        "Transskription",
        "Hastighed",
        "Gå til",
        "Med pil op og pil ned flytter du mellem linjerne; Enter afspiller fra den valgte linje.",
        "Med Tab går du til den aktuelle linjes links.",
    ),
    "nb": Labels(
        "Lytt til samtalen",
        "Last ned MP3",
        "Last ned video",
        "Transkripsjon",
        "Hastighet",
        "Gå til",
        "Med pil opp og pil ned flytter du mellom linjene; Enter spiller av fra den valgte linjen.",
        "Med Tab går du til lenkene på den gjeldende linjen.",
    ),
    "pl": Labels(
        "Posłuchaj tej rozmowy",
        "Pobierz MP3",
        "Pobierz wideo",
        "Transkrypcja",
        "Szybkość",
        "Przejdź do",
        "Strzałki w górę i w dół służą do przechodzenia między wierszami; Enter odtwarza od wybranego wiersza.",
        "Klawisz Tab przenosi do linków w bieżącym wierszu.",
    ),
    "cs": Labels(
        "Poslechněte si rozhovor",
        "Stáhnout MP3",
        "Stáhnout video",
        "Přepis",
        "Rychlost",
        "Přejít na",
        "Šipkami nahoru a dolů přecházíte mezi řádky; Enter přehraje od vybraného řádku.",
        "Klávesou Tab přejdete na odkazy v aktuálním řádku.",
    ),
    "ru": Labels(
        "Прослушать разговор",
        "Скачать MP3",
        "Скачать видео",
        "Расшифровка",
        "Скорость",
        "Перейти к",
        "Для перехода между строками используйте стрелки вверх и вниз; "
        "Enter начинает воспроизведение с выбранной строки.",
        "Клавишей Tab можно перейти к ссылкам текущей строки.",
    ),
    "uk": Labels(
        "Прослухати розмову",
        "Завантажити MP3",
        "Завантажити відео",
        "Текст розмови",
        "Швидкість",
        "Перейти до",
        "Для переходу між рядками використовуйте стрілки вгору і вниз; Enter починає відтворення з вибраного рядка.",
        "Клавішею Tab можна перейти до посилань поточного рядка.",
    ),
    "tr": Labels(
        "Bu sohbeti dinleyin",
        "MP3'ü indir",
        "Videoyu indir",
        "Metin dökümü",
        "Hız",
        "{time} konumuna git",
        "Satırlar arasında yukarı ve aşağı ok tuşlarıyla geçiş yapın; Enter seçili satırdan itibaren oynatır.",
        "Tab tuşuyla geçerli satırdaki bağlantılara geçin.",
    ),
    "ja": Labels(
        "この会話を聴く",
        "MP3をダウンロード",
        "動画をダウンロード",
        "文字起こし",
        "再生速度",
        "再生位置",
        "上下の矢印キーで行を選び、Enter キーでその行から再生します。",
        "Tab キーでその行のリンクに移動します。",
    ),
    "ko": Labels(
        "이 대화 듣기",
        "MP3 다운로드",
        "동영상 다운로드",
        "대본",
        "재생 속도",
        "재생 위치",
        "위아래 화살표 키로 줄 사이를 이동하고, Enter 키를 누르면 그 줄부터 재생합니다.",
        "Tab 키를 누르면 그 줄의 링크로 이동합니다.",
    ),
    "zh": Labels(
        "收听这段对话",
        "下载 MP3",
        "下载视频",
        "文字稿",
        "播放速度",
        "跳转到",
        "用上下方向键在各行之间移动，按 Enter 键从该行开始播放。",
        "按 Tab 键移到该行中的链接。",
    ),
    "zh-hant": Labels(
        "收聽這段對話",
        "下載 MP3",
        "下載影片",
        "逐字稿",
        "播放速度",
        "跳至",
        "用上下方向鍵在各行之間移動，按 Enter 鍵從該行開始播放。",
        "按 Tab 鍵移到該行中的連結。",
    ),
    "ar": Labels(
        "استمع إلى هذه المحادثة",
        "تنزيل MP3",
        "تنزيل الفيديو",
        "نص المحادثة",
        "السرعة",
        "الانتقال إلى",
        "تنقّل بين الأسطر بمفتاحي السهم لأعلى ولأسفل، واضغط Enter للتشغيل من السطر المحدد.",
        "اضغط Tab للانتقال إلى روابط السطر الحالي.",
    ),
    "he": Labels(
        "האזינו לשיחה",
        "הורדת MP3",
        "הורדת הסרטון",
        "תמליל",
        "מהירות",
        "מעבר אל",
        "עברו בין השורות בעזרת החצים למעלה ולמטה; Enter מפעיל את ההשמעה מהשורה שנבחרה.",
        "מקש Tab מעביר לקישורים שבשורה הנוכחית.",
    ),
    "hi": Labels(
        "यह बातचीत सुनें",
        "MP3 डाउनलोड करें",
        "वीडियो डाउनलोड करें",
        "ट्रांसक्रिप्ट",
        "गति",
        "{time} पर जाएँ",
        "ऊपर और नीचे की तीर कुंजियों से पंक्तियों के बीच जाएँ; Enter दबाकर उस पंक्ति से सुनें।",
        "Tab दबाकर मौजूदा पंक्ति के लिंक पर जाएँ।",
    ),
}
_EUROPEAN_PORTUGUESE = Labels(
    "Ouvir esta conversa",
    "Transferir o MP3",
    "Transferir o vídeo",
    "Transcrição",
    "Velocidade",
    "Ir para",
    "As setas para cima e para baixo permitem passar de uma linha para outra; "
    "Enter reproduz a partir da linha escolhida.",
    "A tecla Tab leva às ligações da linha atual.",
)
#: Chinese written in Traditional characters: by script, or by the region when the tag names no script
_TRADITIONAL = frozenset({"hant", "tw", "hk", "mo"})


def labels(language: str) -> Labels:
    """The player's words for a page in `language` (a BCP 47 tag); English for a language without its own."""
    primary, *rest = language.replace("_", "-").lower().split("-")
    if primary in ("zh", "cmn", "yue") and "hans" not in rest and (primary == "yue" or _TRADITIONAL & set(rest)):
        return LABELS["zh-hant"]  # Cantonese is written in Traditional characters unless the tag says otherwise
    if primary == "pt" and rest and "br" not in rest and rest != ["latn"]:
        return _EUROPEAN_PORTUGUESE  # `pt-PT`, `pt-AO`...: Brazil "baixa" a file, Portugal "transfere" it
    primary = {"no": "nb", "nn": "nb", "cmn": "zh", "yue": "zh"}.get(
        primary, primary
    )  # Nynorsk readers read Bokmål's words
    return LABELS.get(primary, LABELS["en"])


def player_title(configured: str, language: str) -> str:
    """`player_title` as configured, or, left at its default, in the page's language."""
    return labels(language).title if configured == DEFAULT_TITLE else configured
