"""Ordinary prose next to formulas: what the math rules must leave alone (a false positive costs money and sounds
absurd), and everyday notations of technical posts read as people say them (money, rates, ranges, code names)."""

from __future__ import annotations

import pytest

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import reading_seconds, readings

#: Lines the rules must not touch at all: the engine reads these fine as they are.
UNTOUCHED = [
    "I don't think it's done; we'll see. It's 10:30 now.",  # an ISO date is said as a date (bug bash 107)
    "Python 3.11 and version 1.2.3 on Ubuntu 22.04.",
    "Growth of 15% and 3.5% overall.",
    "COVID-19 hit in 2020; state-of-the-art, well-known e-mail.",
    "The score was 3-2; call 555-1234.",
    "H2O and CO2, MP3 files, UTF-8, GPT-4o, Wi-Fi.",
    "See README.md, setup.py and main.rs files.",
    "I'm 25 - almost 26 - and tired.",
]

ENGLISH = [
    # names in code are not subscripts: only short subscripts (a_ij, x_i) and subscript words (V_out) are
    ("Set `log_level` to debug and `max_length` to 10.", "Set log level to debug and max length to 10."),
    ("`x_train`, `n_samples`, `var_name`, `mod_rewrite`", "x train, n samples, var name, mod rewrite"),
    ("V_out, T_max, a_ij and x_i", "V sub out, T sub max, a sub i j and x sub i"),
    ("pass `*args` and `**kwargs`", "pass args and kwargs"),
    # money is not math
    ("It costs $5 and $10 respectively.", "It costs 5 dollars and 10 dollars respectively."),
    ("It raised $1.5M, then $2 billion.", "It raised 1.5 million dollars, then 2 billion dollars."),
    ("between $5-$10", "between 5 and 10 dollars"),
    ("only $5/month", "only 5 dollars per month"),
    # rates and ranges
    ("60 km/h or 100 m/s", "60 kilometers per hour or 100 meters per second"),
    ("100 MB/s", "100 megabytes per second"),
    ("1 m/s", "1 meter per second"),
    ("it takes 5-10 minutes, from 2020-2024.", "it takes 5 to 10 minutes, from 2020 to 2024."),
    ("km/h", "kilometers per hour"),
    ("200 requests/second", "200 requests per second"),
    # slashes that are names
    ("24/7 support, 50/50 odds", "twenty-four seven support, fifty-fifty odds"),
    ("A/B testing", "A B testing"),
    # menus and paths are not comparisons or LaTeX
    ("Click Save > Export > PDF; p < 0.05; x > 3", "Click Save, Export, PDF; p is less than 0.05; x is greater than 3"),
    (r"Open C:\Users\me\file.txt", "Open C: Users me file.txt"),
    # names with a version, lists of names, one letter minus a number
    ("HTTP/2 over TCP", "HTTP 2 over TCP"),
    ("UART/SPI/I2C buses", "UART, SPI, I2C buses"),
    ("i = 0 to n-1.", "i equals 0 to n minus 1."),
    ("An F-16, an e-mail, an x-ray.", "An F-16, an e-mail, an x-ray."),
    # names next to "=" are names, products of variables are products; x between numbers is "times"
    ("Ed = the editor, and Al = his friend.", "Ed equals the editor, and Al equals his friend."),
    ("Ax = b and Bv = 0", "A x equals b and B v equals 0"),
    ("The answer: 3 x 4 = 12.", "The answer: 3 times 4 equals 12."),
    # letter-like symbols in prose
    ("f maps into ℝ.", "f maps into the real numbers."),
]

FRENCH = [
    ("Un débit de 100 Mo/s et 60 km/h.", "Un débit de 100 mégaoctets par seconde et 60 kilomètres par heure."),
    ("la variable `log_level`", "la variable log level"),
    ("de 5-10 minutes, à 10 h 30", "de 5 à 10 minutes, à 10 heures 30"),
    ("Il a levé $1.5M.", "Il a levé 1.5 million de dollars."),
    ("définie sur ℝ", "définie sur l'ensemble des réels"),
    ("de 0 à n-1", "de 0 à n moins 1"),
]


@pytest.mark.parametrize("line", UNTOUCHED)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_ordinary_prose_is_not_mangled(line: str, language: str) -> None:
    assert spoken_text(line, language) == line


TABLE = [(line, "en", said) for line, said in ENGLISH] + [(line, "fr", said) for line, said in FRENCH]


@pytest.mark.parametrize(("line", "language", "said"), TABLE, ids=[f"{lang}:{line}" for line, lang, _ in TABLE])
def test_everyday_notation_is_read_as_people_say_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A minus after a name of several letters in code (`qty - 1`) and `N-1` in prose: the hyphen was left, which eSpeak
#: does not say ("qty one", "N one followers"; bug bash: databases)
MINUS_AFTER_A_NAME = [
    ("`UPDATE inventory SET qty = qty - 1`", "en", "UPDATE inventory SET qty equals qty minus 1"),
    ("`UPDATE inventory SET qty = qty - 1`", "fr", "UPDATE inventory SET qty égale qty moins 1"),
    ("`UPDATE inventory SET qty = qty - 1`", "de", "UPDATE inventory SET qty gleich qty minus 1"),
    ("`len(xs) - 1`", "en", "len(xs) minus 1"),
    ("`SELECT price - discount FROM orders;`", "en", "SELECT price minus discount FROM orders;"),
    ("one leader, N-1 followers", "en", "one leader, N minus 1 followers"),
    ("un leader, N-1 suiveurs", "fr", "un leader, N moins 1 suiveurs"),
    ("ein Leader, N-1 Follower", "de", "ein Leader, N minus 1 Follower"),
]


@readings(MINUS_AFTER_A_NAME)
def test_a_minus_after_a_name_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Hyphens in names, versions and ranges, and a command's lone dash, are no minus
HYPHENS = [
    ("GPT-4, RAID-10, COVID-19, x86-64, UTF-8, B-52", "en", "GPT-4, RAID-10, COVID-19, x86-64, UTF-8, B-52"),
    ("from 2019-2021", "en", "from 2019 to 2021"),
    ("`tar -cf - .`", "en", "tar -cf - dot"),
    ("`cut -d - -f1`", "en", "cut -d - -f1"),
    # a command's lone dash before a file or a name is its standard input, in code that computes nothing
    (
        "Pipe it: `echo hi | cat - notes.txt` prepends the line.",
        "en",
        "Pipe it: echo hi pipe cat - notes.txt prepends the line.",
    ),
    ("Use `diff - expected.txt` to compare stdin.", "en", "Use diff - expected.txt to compare stdin."),
    ("`psql -U admin - mydb`", "en", "psql -U admin - mydb"),
    # ... a call's or an index's value on either side, two attributes, or a query's columns are arithmetic
    ("Compute `np.mean(x) - np.mean(y)` first.", "en", "Compute np.mean(x) minus np.mean(y) first."),
    ("Compute `df['a'] - df['b']` first.", "en", "Compute df['a'] minus df['b'] first."),
    ("Compute `x.sum() - y.sum()` first.", "en", "Compute x.sum minus y.sum first."),
    ("Compute `a[0] - a[1]` first.", "en", "Compute a[0] minus a[1] first."),
    ("Run `SELECT price - discount FROM items` now.", "en", "Run SELECT price minus discount FROM items now."),
    ("RAID-10, GPT-4", "fr", "RAID-10, GPT-4"),
    ("RAID-10, GPT-4", "de", "RAID-10, GPT-4"),
    # a mask and roads: only `N-1` … `N-9` outside a road's article is N minus a number
    ("Shipping N-95 masks to the clinic.", "en", "Shipping N-95 masks to the clinic."),
    ("Tomamos la N-340 hasta Cádiz.", "es", "Tomamos la N-340 hasta Cádiz."),
    ("On a pris la N-7 jusqu'à Lyon.", "fr", "On a pris la N-7 jusqu'à Lyon."),
    # a quantity's name and a number on either side of a spaced minus in prose are subtracted (the hyphen was left)
    ("we print total - 1 rows and count - 2 headers", "en", "we print total minus 1 rows and count minus 2 headers"),
    ("on affiche total - 1 lignes", "fr", "on affiche total moins 1 lignes"),
    ("wir drucken Anzahl - 1 Zeilen", "de", "wir drucken Anzahl minus 1 Zeilen"),
    ("imprimimos total - 1 filas", "es", "imprimimos total menos 1 filas"),
    ("It was great - 10 out of 10.", "en", "It was great - 10 out of 10."),  # another word: a dash
    ("set offset - 1 and use count - 2", "en", "set offset minus 1 and use count minus 2"),
    # ... but a dash opening an aside after a noun phrase of prose (review 211): a determiner before the name, money,
    # a unit or percent after the number, or a dash closing the aside
    ("Our budget - 5 million dollars - was approved.", "en", "Our budget - 5 million dollars - was approved."),
    ("His balance - 200 dollars - is low.", "en", "His balance - 200 dollars - is low."),
    ("The total - 10 dollars - was fair.", "en", "The total - 10 dollars - was fair."),
    ("The max - 50 - is enforced.", "en", "The max - 50 - is enforced."),
    ("The final score - 3 to 1 - was fair.", "en", "The final score - 3 to 1 - was fair."),
    ("Pay the balance - 50 dollars - by Friday.", "en", "Pay the balance - 50 dollars - by Friday."),
    ("I love the price - 10 dollars is cheap.", "en", "I love the price - 10 dollars is cheap."),
    ("What a score - 10 points!", "en", "What a score - 10 points!"),
    ("budget - 5 million dollars", "en", "budget - 5 million dollars"),
    ("We set max - 50 - as the cap.", "en", "We set max - 50 - as the cap."),
    ("Der Preis - 20 Euro - war fair.", "de", "Der Preis - 20 Euro - war fair."),
    ("Le prix - 20 euros - était correct.", "fr", "Le prix - 20 euros - était correct."),
    ("Le prix - 20 % - reste élevé.", "fr", "Le prix - 20 % - reste élevé."),
    ("El precio - 20 euros - era justo.", "es", "El precio - 20 euros - era justo."),
]


@readings(HYPHENS)
def test_hyphens_in_names_and_options_are_no_minus(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `vs` without its full stop is read as `vs.` is (it was left: "RAID-10 vs RAID 5"); `VS Code` stays
VERSUS = [
    ("RAID-10 vs RAID 5", "en", "RAID-10 versus RAID 5"),
    ("RAID-10 vs RAID 5", "de", "RAID-10 gegen RAID 5"),
    ("RAID-10 vs RAID 5", "es", "RAID-10 contra RAID 5"),
    ("RAID-10 vs RAID 5", "pt", "RAID-10 versus RAID 5"),
    ("RAID-10 vs RAID 5", "nl", "RAID-10 versus RAID 5"),
    ("RAID-10 vs RAID 5", "fr", "RAID-10 contre RAID 5"),
    ("in VS Code, mit vsync", "de", "in VS Code, mit vsync"),
    ("in VS Code, with vsync", "en", "in VS Code, with vsync"),
    ("I use vs for everything", "en", "I use vs for everything"),  # an editor: nothing compared after it
    ("Ich nutze vs für alles, tabs vs spaces", "de", "Ich nutze vs für alles, tabs gegen spaces"),
    ("Which editor: vs or vim?", "en", "Which editor: vs or vim?"),
    # ... elsewhere a word that joins or places after it is compared ("on GPU vs on CPU" was left)
    ("Training on GPU vs on CPU took 3 hours.", "en", "Training on GPU versus on CPU took 3 hours."),
    ("Accuracy without vs with dropout.", "en", "Accuracy without versus with dropout."),
    ("Buy now vs in March?", "en", "Buy now versus in March?"),
    ("Kuchen ohne vs mit Zucker.", "de", "Kuchen ohne gegen mit Zucker."),
    ("Café sin vs con azúcar.", "es", "Café sin contra con azúcar."),
]


@readings(VERSUS)
def test_vs_without_its_full_stop_is_versus(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: One abbreviated day before a time of day is said in full, as a range of days is (`Sat` was read as the verb)
DAY_BEFORE_A_TIME = [
    ("Maintenance: Sat 02:00–04:00 UTC", "en", "Maintenance: Saturday 2 o'clock to 4 o'clock UTC"),
    ("on Sun, 14:30", "en", "on Sunday, 14:30"),
    ("Wed 3pm", "en", "Wednesday 3pm"),
    ("Wartung: Sa 02:00–04:00 UTC", "de", "Wartung: Samstag 2 Uhr bis 4 Uhr UTC"),
    ("Mon–Fri 9:00", "en", "Monday to Friday 9:00"),  # a range of days as before
    ("I sat 2 hours; Sat 2 times", "en", "I sat 2 hours; Sat 2 times"),  # no time of day after it
    ("zo 14:00", "nl", "zo 14:00"),  # Dutch `zo` is also "so"
    ("So, 10:00 passt mir", "de", "So, 10:00 passt mir"),  # German `So` starting a sentence before a comma is "so"
    ("Gut. So, 10:00 passt mir", "de", "Gut. So, 10:00 passt mir"),
    # ... and Sunday beside another day, after `Am` or `und`
    (
        "Öffnungszeiten: Sa, 10:00–14:00; So, 10:00–12:00.",
        "de",
        "Öffnungszeiten: Samstag, 10 Uhr bis 14 Uhr; Sonntag, 10 Uhr bis 12 Uhr.",
    ),
    ("Am So, 10:00 Uhr ist Anstoß.", "de", "Am Sonntag, 10 Uhr ist Anstoß."),
    ("Training: Do, 18:00 und So, 10:00.", "de", "Training: Donnerstag, 18:00 und Sonntag, 10:00."),
    ("So, 10:00 und Sa, 12:00.", "de", "Sonntag, 10:00 und Samstag, 12:00."),
    # ... and every day of a list before one time (the days before the last were left)
    ("Sa und So, 10:00", "de", "Samstag und Sonntag, 10:00"),
    ("Di, Do, 18:00", "de", "Dienstag, Donnerstag, 18:00"),
    ("Sa/So 10:00", "de", "Samstag oder Sonntag 10:00"),
    ("Open Sat and Sun, 10:00", "en", "Open Saturday and Sunday, 10:00"),
    ("Sa und So gehen wir wandern.", "de", "Sa und So gehen wir wandern."),  # no time after the list
    # ... and a range joined by the table's word, both days (the first was left, review 211)
    ("Open Mon to Fri 9:00.", "en", "Open Monday to Friday 9:00."),
    ("Geöffnet Mo bis Fr, 9:00 bis 17:00.", "de", "Geöffnet Montag bis Freitag, 9:00 bis 17:00."),
]

#: French and Spanish abbreviated days with their full stop, where a time, a date, another day or a range makes them
#: days (they were read as written: "sam point", "lun point et mer point")
DOTTED_DAYS = [
    ("Maintenance sam. 02:00", "fr", "Maintenance samedi 02:00"),
    ("On se voit lun. et mer. Ensuite on verra.", "fr", "On se voit lundi et mercredi. Ensuite on verra."),
    ("le sam. 5 mars", "fr", "le samedi 5 mars"),
    ("Sam. 14h30", "fr", "Samedi 14 heures 30"),
    ("ouvert lun.–ven. dès 9h", "fr", "ouvert lundi au vendredi dès 9 heures"),
    ("Mantenimiento sáb. 02:00", "es", "Mantenimiento sábado 02:00"),
    ("Clases lun. y mié.", "es", "Clases lunes y miércoles."),
    ("el mar., jue. y sáb. 10:00", "es", "el martes, jueves y sábado 10:00"),
    ("abierto lun-vie", "es", "abierto lunes a viernes"),
    # ... and joined by the range's word, `au`, `a`, `al` (the first day was left, review 211)
    ("Du lun. au ven. 9h-18h.", "fr", "Du lundi au vendredi 9 heures à 18 heures."),
    ("Ouvert lun. au ven. 9h-18h.", "fr", "Ouvert lundi au vendredi 9 heures à 18 heures."),
    ("Del lun. al vie. 9:00-18:00.", "es", "Del lunes al viernes 9 a 18."),
    ("Abierto lun. a vie. 9:00.", "es", "Abierto lunes a viernes 9:00."),
    ("Del lun. al mar. 10:00.", "es", "Del lunes al martes 10:00."),
    # ... not the words alone, nor without their full stop
    ("Vamos al mar. Luego al sol.", "es", "Vamos al mar. Luego al sol."),
    ("la mer. Ensuite le sol.", "fr", "la mer. Ensuite le sol."),
    ("el mar y el sol", "es", "el mar y el sol"),
    ("sam 02:00", "fr", "sam 02:00"),
    ("Het is zo. 14:00 begint het.", "nl", "Het is zo. 14:00 begint het."),  # Dutch `zo.` is "so"
    # ... nor the sea before a time: no day comes after a feminine determiner, Spanish `al mar.` (review 211)
    ("Vue sur la mer. 14:00 départ du bateau.", "fr", "Vue sur la mer. 14:00 départ du bateau."),
    ("On va à la mer. 14h30 départ.", "fr", "On va à la mer. 14 heures 30 départ."),
    ("Vista al mar. 9:00 desayuno.", "es", "Vista al mar. 9:00 desayuno."),
    ("Una vez al mar. 14:00 estaba lleno.", "es", "Una vez al mar. 14:00 estaba lleno."),
    ("el mar. 10:00", "es", "el martes 10:00"),
    ("Lo pasamos al vie. 10:00", "es", "Lo pasamos al viernes 10:00"),
    # ... nor a capital inside a sentence, a name
    ("J'ai appelé Sam. 14h30, toujours rien.", "fr", "J'ai appelé Sam. 14 heures 30, toujours rien."),
    ("Rendez-vous avec Sam. 10h au café.", "fr", "Rendez-vous avec Sam. 10 heures au café."),
    ("Maintenance : Sam. 02:00", "fr", "Maintenance : Samedi 02:00"),
]


@readings(DOTTED_DAYS)
def test_a_dotted_day_beside_a_time_a_date_or_a_day_is_said_in_full(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(DAY_BEFORE_A_TIME)
def test_a_day_before_a_time_is_said_in_full(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Hours and minutes glued together are both said with their units (`3h15` was "3 hours 15", `3h15m` left)
HOURS_AND_MINUTES = [
    ("the worst one took 3h15", "en", "the worst one took 3 hours 15 minutes"),
    ("took 3h15m, then 3h 15m", "en", "took 3 hours 15 minutes, then 3 hours 15 minutes"),
    ("1h30 and 2h01", "en", "1 hour 30 minutes and 2 hours 1 minute"),
    ("at 6h30", "en", "at 6:30"),  # a clock time
    ("a pris 3h15", "fr", "a pris 3 heures 15"),  # the French norm
    # German, Spanish and Italian after a word that makes them a duration (f-spoken10: eSpeak NG said "eins ha
    # dreißig", "uno hache treinta", "uno acca trenta"); elsewhere maybe a time of day, as written
    (
        "Es dauert 1h30, in 2h15, Dauer: 2h00, braucht 1h01. Treffen 14h30, um 14h30, nach 14h30, ca. 14h30.",
        "de",
        "Es dauert eine Stunde 30 Minuten, in 2 Stunden 15 Minuten, Dauer: 2 Stunden, braucht eine Stunde eine"
        " Minute. Treffen 14h30, um 14h30, nach 14h30, circa 14h30.",
    ),
    (
        # ... in the dative after "in", "innerhalb", "während" (r-spoken10: "in eine Stunde 30 Minuten" was said)
        "Wir sind in 1h30 da, innerhalb 1h00, während 1h01.",
        "de",
        "Wir sind in einer Stunde 30 Minuten da, innerhalb einer Stunde, während einer Stunde einer Minute.",
    ),
    (
        # ... a Spanish time after the clock's article as its colon's time (f-spoken12: "a las 14h30" was left as
        # written, which the voice read "catorce hache treinta")
        "La película dura 1h30, en 2h05 llegamos; a las 14h30, A las 9h05, de las 9h00 a las 14h00.",
        "es",
        "La película dura una hora 30 minutos, en 2 horas 5 minutos llegamos; a las 14 30, A las 9 y 5, de las 9 a las"
        " 14.",
    ),
    (
        "Il film dura 1h30, in 1h01 arriviamo, dopo 2h15; alle 14h30.",
        "it",
        "Il film dura un'ora 30 minuti, in un'ora un minuto arriviamo, dopo 2 ore 15 minuti; alle 14 e 30.",
    ),
    (
        # ... an Italian time of day after an article of the hours, or after "per", "dopo" an hour no duration is,
        # as `alle 14:30` is said (f-spoken11: "per 14 ore 30 minuti", "alle 14h30" were said)
        "Ci vediamo per 14h30, dopo 09h05, dalle 9h00; per 1h30, per 12h30.",
        "it",
        "Ci vediamo per le 14 e 30, dopo le 9 e 5, dalle 9; per un'ora 30 minuti, per 12 ore 30 minuti.",
    ),
    (
        # ... but a duration's before the period it is counted in (f-spoken12: "Lavoro per le 14 e 30 ogni settimana"
        # was said); after an article of the hours a time still
        "Lavoro per 14h30 ogni settimana, per 16h00 al giorno, dopo 14h30 di fila; alle 14h30 ogni giorno.",
        "it",
        "Lavoro per 14 ore 30 minuti ogni settimana, per 16 ore al giorno, dopo 14 ore 30 minuti di fila; alle 14 e 30"
        " ogni giorno.",
    ),
]


@readings(HOURS_AND_MINUTES)
def test_hours_and_minutes_glued_together_are_said_with_their_units(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize("language", ["en", "de", "es", "it"])
def test_a_long_line_of_glued_durations_areas_and_ratios_is_read_in_linear_time(language: str) -> None:
    line = ("dauert 1h30, dura 2h15 in 1h01, a 5 km by 5 km area, the 5 km-by-5 km grid, a 1:1.5 ratio, " * 60)[:5000]
    assert reading_seconds(line, language) < 0.5


#: An ellipsis alone in brackets after a keyword in code is what the writer left out: a pause, not "dot dot dot"
ELIDED_IN_CODE = [
    ("Use `SELECT * FROM t WHERE id IN (...)`.", "en", "Use SELECT star FROM t WHERE id IN."),
    ("`WHERE id IN (...) AND x = 1`", "en", "WHERE id IN, AND x equals 1"),
    ("`INSERT INTO t VALUES (…);`", "en", "INSERT INTO t VALUES;"),
    ("A `DELETE FROM t WHERE id IN (...)` that runs nightly", "en", "A DELETE FROM t WHERE id IN, that runs nightly"),
    ("`WHERE id IN (...) AND x = 1`", "fr", "WHERE id IN, AND x égale 1"),
    ("`[...]` and `cd ...`", "en", "[ dot dot dot ] and cd dot dot dot"),  # as before
]


@readings(ELIDED_IN_CODE)
def test_an_ellipsis_in_brackets_in_code_is_a_pause(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A unit after a formula that ends in a number is the number's unit (`$W = 3.2$ ms` was "three point two ms", heard
#: "em ess", and German switched voice for it); a formula ending otherwise, or a one-letter word after it, stays
UNITS_AFTER_FORMULAS = [
    ("With $W = 3.2$ ms of wait.", "en", "With W equals three point two milliseconds of wait."),
    ("at $t = 5$ GB/s, then", "en", "at t equals five gigabytes per second, then"),
    ("With $W = 1$ ms.", "en", "With W equals one millisecond."),
    (
        "$10^3$ ms, $x_2$ ms, $x = 2$ W, $n = 3$ nodes",
        "en",
        "ten cubed ms, x sub two ms, x equals two W, n equals three nodes",
    ),
    ("Avec $W = 3,2$ ms d'attente.", "fr", "Avec W égale trois virgule deux millisecondes d'attente."),
    ("Mit $W = 3,2$ ms Wartezeit.", "de", "Mit W gleich drei Komma zwei Millisekunden Wartezeit."),
]


@readings(UNITS_AFTER_FORMULAS)
def test_a_unit_after_the_number_a_formula_ends_in_is_said_as_a_unit(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A French range after "à" is two round figures ("monter à 20 à 30 millisecondes" was said; "de 20 à 30" would say
#: where it rises from); after "de" and "entre" it is a range as before
FRENCH_RANGES_AFTER_A = [
    ("La latence peut monter à 20–30 ms.", "fr", "La latence peut monter à 20 ou 30 millisecondes."),
    ("jusqu'à 20-30 ms, à 5–10 €", "fr", "jusqu'à 20 ou 30 millisecondes, à 5 ou 10 euros"),
    ("de 20–30 ms, entre 20–30 ms", "fr", "de 20 à 30 millisecondes, entre 20 et 30 millisecondes"),
    ("rise to 20–30 ms", "en", "rise to 20 to 30 milliseconds"),
]


@readings(FRENCH_RANGES_AFTER_A)
def test_a_french_range_after_a_is_two_round_figures(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: An em dash with a space on both sides sets an aside apart, between two numbers too: no range ("unter 0,1 bis 1 %
#: Gebühr" was said for `unter 0,1 % — 1 % Gebühr`, bug bash h-tech); one with no space, or an en dash, is a range's
ASIDES_BETWEEN_NUMBERS = [
    ("Keep it under 0.1% — 1% is a lot.", "en", "Keep it under 0.1% — 1% is a lot."),
    ("unter 0,1 % — 1 % Gebühr", "de", "unter 0,1 % — 1 % Gebühr"),
    ("sous 0,1 % — 1 % de frais", "fr", "sous 0,1 % — 1 % de frais"),
    ("abaixo de 0,1% — 1% de taxa", "pt", "abaixo de 0,1% — 1% de taxa"),
    ("es del 0,1 % — 1 % es mucho", "es", "es del 0,1 % — 1 % es mucho"),
    ("è il 5% — 6% è troppo", "it", "è il 5% — 6% è troppo"),
    ("costs $5 — $6 is too much", "en", "costs 5 dollars — 6 dollars is too much"),
    ("bei 5 — 6 Leute", "de", "bei 5 — 6 Leute"),
    ("4.75%—5.00%, 4.75% – 5.00%, pages 3—5", "en", "4.75 to 5.00%, 4.75 to 5.00%, pages 3 to 5"),
    ("tra il 20 – 25%, $5—$6", "it", "tra il 20 e il 25%, da 5 a 6 dollari"),
]


@readings(ASIDES_BETWEEN_NUMBERS)
def test_a_spaced_em_dash_between_numbers_is_no_range(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: An Italian score right after its verb is said as one ("è finita da 2 a 2", "ha vinto da 3 a 1" were said; bug bash
#: h-tech), and a percentage after it is none ("ha vinto il 20 a 25 dei voti" lost its sign); two numbers before what
#: they count stay a range
ITALIAN_SCORES = [
    (
        "Il Real Madrid ha vinto 3-1, e l'altra partita è finita 2–2.",
        "it",
        "Il Real Madrid ha vinto 3 a 1, e l'altra partita è finita 2 a 2.",
    ),
    ("ha perso 0-3, è finita 1-1 ai rigori", "it", "ha perso 0 a 3, è finita 1 a 1 ai rigori"),
    ("ha vinto 3–1 in casa, ha pareggiato 0–0", "it", "ha vinto 3 a 1 in casa, ha pareggiato 0 a 0"),
    ("ha vinto il 20–25% dei voti", "it", "ha vinto tra il 20 e il 25% dei voti"),
    ("ha vinto 10–12 milioni", "it", "ha vinto da 10 a 12 milioni"),
]


@readings(ITALIAN_SCORES)
def test_an_italian_score_after_its_verb_is_no_range(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A range after a preposition or an article is said with it, not with a "da" or an "a" of its own ("punta a da 6.000
#: a 12.000 euro", "il 20 a 25%", "en 1 a 2 días" were said); two years are "dal 2021 al 2023" (bug bash)
RANGES_AFTER_A_WORD = [
    ("punta a 6.000–12.000 €", "it", "punta tra 6.000 e 12.000 euro"),
    ("disponibile in 1–2 giorni", "it", "disponibile in 1 o 2 giorni"),
    ("circa il 6–7%, vale un 12–14%", "it", "circa tra il 6 e il 7%, vale tra il 12 e il 14%"),
    ("Il 20–25% del capitale, l'8–10%", "it", "Tra il 20 e il 25% del capitale, tra l'otto e il 10%"),
    ("nel periodo 2021–2023, dal 2021–2023", "it", "nel periodo dal 2021 al 2023, dal 2021 al 2023"),
    ("fino a 3–4 giorni, Dura 10-15 min", "it", "fino a 3 o 4 giorni, Dura da 10 a 15 minuti"),
    ("en torno al 3–4 % TAE", "es", "en torno al 3 o al 4 % TAE"),
    ("disponible en 1–2 días, el 3–4 %", "es", "disponible en 1 a 2 días, entre el 3 y el 4 %"),
    ("apunta a 9.600–19.200 €", "es", "apunta a entre 9.600 y 19.200 euros"),
    ("En 2021–2023, del 2021–2023, de 3–4 días", "es", "En 2021 a 2023, del 2021 al 2023, de 3 a 4 días"),
    ("em 1–2 dias, o 3–4 %, em 2025-26", "pt", "em 1 a 2 dias, entre 3 e 4 %, em 2025 a 2026"),
    ("dans 1–2 jours, du 10–15 mai, en 2021–2023", "fr", "dans 1 à 2 jours, du 10 au 15 mai, en 2021 à 2023"),
    # a range after "en", "dans", "em", "hasta", "até" is two ends, not a choice ("en 3.8 o 3.12" was said)
    ("Probado en 3.8–3.12, en 2–4 núcleos, en 10–15 %", "es", "Probado en 3.8 a 3.12, en 2 a 4 núcleos, en 10 a 15 %"),
    ("en 5–10 minutos. Hasta 5–10 usuarios.", "es", "en 5 a 10 minutos. Hasta 5 a 10 usuarios."),
    ("en 2–3 heures. Dans 10–30 secondes.", "fr", "en 2 à 3 heures. Dans 10 à 30 secondes."),
    ("Em 100–200 ms. Até 5–10.", "pt", "Em 100 a 200 milissegundos. Até 5 a 10."),
    # years after en, em, du: a season or a span, as before; French years take no article ("Du 1990 au 1995" was said)
    ("En 2020–2021, la saison fut dure. Du 1990–1995.", "fr", "En 2020 à 2021, la saison fut dure. De 1990 à 1995."),
    ("En 2020-2021 y 2021-2022.", "es", "En 2020 a 2021 y 2021 a 2022."),
    ("Em 2020–2021 houve crise.", "pt", "Em 2020 a 2021 houve crise."),
    # Italian "o" only between neighbours: `per 3–5 anni` was "per 3 o 5 anni", a choice of two ends
    (
        "Dura per 3–5 anni. In 5–30 minuti, in 3.8–3.12",
        "it",
        "Dura per da 3 a 5 anni. Tra 5 e 30 minuti, tra 3.8 e 3.12",
    ),
    # ... a currency before the range too ("circa 10 o 20 euro" was said); "per" stays ("tra 3 e 6 mesi" is from now)
    ("Costa circa € 1500–1600. Costa circa € 10–20.", "it", "Costa circa 1500 a 1600 euro. Costa circa 10 a 20 euro."),
    ("Circa € 10–20 a testa.", "it", "Circa 10 a 20 euro a testa."),
    ("Per 3–6 mesi.", "it", "Per da 3 a 6 mesi."),
    ("Lo faremo per 10–20 minuti al giorno.", "it", "Lo faremo per da 10 a 20 minuti al giorno."),
    # a score after vinto, pareggiato ("per 2 o 1", "per 1 o 1" were said)
    ("Ha vinto per 2–1 in casa. Ha pareggiato per 1–1.", "it", "Ha vinto per 2 a 1 in casa. Ha pareggiato per 1 a 1."),
    # after "in", a unit or a counted noun makes two numbers no years ("tra il 1800 e il 1900 millisecondi" was said)
    ("Risponde in 1800–1900 ms.", "it", "Risponde tra 1800 e 1900 millisecondi."),
    ("In 1800–1900 persone.", "it", "Tra 1800 e 1900 persone."),
    # ... but a verb, a pronoun or a quantifier leaves them years ("In 2020 o 2021 è cambiato", "Nel 2020 a 2021
    # abbiamo", "Del 2020 a 2021 no hay", "Du 2020 au 2021 il reste" were said)
    ("In 2020–2021 è cambiato tutto.", "it", "Tra il 2020 e il 2021 è cambiato tutto."),
    ("In 2020–2021 non è successo niente.", "it", "Tra il 2020 e il 2021 non è successo niente."),
    ("Nel 2020–2021 abbiamo viaggiato.", "it", "Tra il 2020 e il 2021 abbiamo viaggiato."),
    ("Nel 1990–1995 ha vissuto a Roma", "it", "Tra il 1990 e il 1995 ha vissuto a Roma"),
    ("Nel 1914–1918 morirono milioni.", "it", "Tra il 1914 e il 1918 morirono milioni."),
    ("Nel 2019–2020 molti hanno perso.", "it", "Tra il 2019 e il 2020 molti hanno perso."),
    ("Nel 1990–1995 tutto cambiò.", "it", "Tra il 1990 e il 1995 tutto cambiò."),
    ("Nel 2020–2021 è cresciuto il fatturato.", "it", "Tra il 2020 e il 2021 è cresciuto il fatturato."),
    ("Nel periodo 1990–1995 ha vissuto qui.", "it", "Nel periodo dal 1990 al 1995 ha vissuto qui."),
    (
        "Del 2020–2021 no hay datos. Del 1990–1995 tenemos fotos.",
        "es",
        "Del 2020 al 2021 no hay datos. Del 1990 al 1995 tenemos fotos.",
    ),
    ("Du 2020–2021 il reste peu.", "fr", "De 2020 à 2021 il reste peu."),
    # French "du" before a unit or a counted noun is "de … à", as before years ("Du 1500 au 1600 m" was said); days
    # before a month stay "du 10 au 15 mai"
    ("Du 1500–1600 m d'altitude. Du 10–15 personnes.", "fr", "De 1500 à 1600 mètres d'altitude. De 10 à 15 personnes."),
    (
        "Ogni 15–30 minuti, su 8–16 GB, con 10–20 persone",
        "it",
        "Ogni da 15 a 30 minuti, su da 8 a 16 gigabyte, con da 10 a 20 persone",
    ),
    ("ogni 1–2 ore, per 2–3 giorni. Ha perso per 1–3.", "it", "ogni 1 o 2 ore, per 2 o 3 giorni. Ha perso per 1 a 3."),
    # after "tra" or "entre" the range says it once; after another preposition the article stays ("tra tra il",
    # "sotto tra il", "hasta entre el" were said)
    (
        "Si stima tra il 20–25% dei casi, sotto il 20–25%, oltre il 20–25%",
        "it",
        "Si stima tra il 20 e il 25% dei casi, sotto il 20 a 25%, oltre il 20 a 25%",
    ),
    ("Entre el 20–25 % de los casos, hasta el 20–30 %", "es", "Entre el 20 y el 25 % de los casos, hasta el 20 a 30 %"),
    ("il 2024-03-15, punteggio 3-2, alle 9:00-17:00", "it", "il 15 marzo 2024, punteggio 3-2, alle 9 a 17"),
    ("costa 2000–2050 €", "it", "costa da 2000 a 2050 euro"),  # an amount, not years
    # numbers 1500–2099 a few apart are years only after a word that makes them a span, not before a unit nor after a
    # season's label ("dal 1500 al 1600 metri", "la stagione dal 2020 al 2021" were said)
    (
        "La quota è 1500–1600 metri. Servono 1800–1900 kcal",
        "it",
        "La quota è da 1500 a 1600 metri. Servono da 1800 a 1900 chilocalorie",
    ),
    (
        "Altitudine 1800–1850 m, Stipendio 1800–1900 netti",
        "it",
        "Altitudine da 1800 a 1850 metri, Stipendio da 1800 a 1900 netti",
    ),
    (
        "alle pagine 1500–1550. Gli abitanti sono 1990–1995.",
        "it",
        "alle pagine da 1500 a 1550. Gli abitanti sono da 1990 a 1995.",
    ),
    (
        "La stagione 2020–2021, L'anno accademico 2023–2024",
        "it",
        "La stagione da 2020 a 2021, L'anno accademico da 2023 a 2024",
    ),
    ("Il bilancio 2023–2024. Nel biennio 2023–2024.", "it", "Il bilancio da 2023 a 2024. Nel biennio da 2023 a 2024."),
    # ... the currency before the numbers too ("euro dal 1500 al 1550" was said)
    (
        "Costa € 1500–1550, €1500–1550, $1500–1600",
        "it",
        "Costa da 1500 a 1550 euro, da 1500 a 1550 euro, da 1500 a 1600 dollari",
    ),
    ("Costa £ 1800–1900, EUR 1800–1900", "it", "Costa da 1800 a 1900 sterline, da 1800 a 1900 euro"),
    (
        "Costa USD 1800–1900, CHF 1800–1900 al mese",
        "it",
        "Costa da 1800 a 1900 dollari statunitensi, da 1800 a 1900 franchi svizzeri al mese",
    ),
    ("il 20%–25% del capitale", "it", "tra il 20 e il 25% del capitale"),  # the sign said once
    # "lo 0", "l'1,5" as the article elides before them ("tra il 0", "tra il 1,5" were said)
    (
        "Il 0–5% dei casi. Il 1,5–2% annuo, l'8,5–9%",
        "it",
        "Tra lo 0 e il 5% dei casi. Tra l'uno virgola cinque e il 2% annuo, tra l'otto virgola cinque e il 9%",
    ),
    ("el 3 %–4 %, un aumento del 3–4 %", "es", "entre el 3 y el 4 %, un aumento de entre el 3 y el 4 %"),
    ("intorno al 6–7%, un aumento del 6–7%", "it", "intorno al 6 o al 7%, un aumento tra il 6 e il 7%"),
]


@readings(RANGES_AFTER_A_WORD)
def test_a_range_after_a_preposition_or_an_article_is_said_with_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A degree sign right after a whole number, after an article or a verb of a race and before a word that is no unit,
#: is an ordinal ("il 1 gradi di ogni mese", "arrivato 2 gradi" were said); angles and temperatures stay degrees, and
#: one degree is singular ("1 gradi" was said)
DEGREE_SIGN_RANKS = [
    ("il 1° di ogni mese, Il 2° principio", "it", "il primo di ogni mese, Il secondo principio"),
    ("È arrivato 2° in classifica. È arrivata 3°.", "it", "È arrivato secondo in classifica. È arrivata terza."),
    ("la 2° guerra mondiale, il 90° percentile", "it", "la seconda guerra mondiale, il novantesimo percentile"),
    ("il 1° gennaio, il 4° trimestre", "it", "il primo gennaio, il quarto trimestre"),
    ("20 °C, un angolo di 90°, i 40° all'ombra", "it", "20 gradi Celsius, un angolo di 90 gradi, i 40 gradi all'ombra"),
    ("un angolo di 1°, il 45° N", "it", "un angolo di 1 grado, il 45 gradi N"),
    ("el 1° de cada mes, el 1° lugar", "es", "el primero de cada mes, el primer lugar"),
    ("llegó 2° en la clasificación, de 90°", "es", "llegó segundo en la clasificación, de 90 grados"),
    ("o 1° lugar, ficou 2°, a 90° do eixo", "pt", "o primeiro lugar, ficou segundo, a 90 graus do eixo"),
    ("an angle of 1°, then 90°", "en", "an angle of 1 degree, then 90 degrees"),
    # after "un" or before "di" (not "di ogni") or a stop, after an article: an angle or a temperature
    (
        "Un 30° di pendenza. Un 90° secco. La massima è il 30° di oggi.",
        "it",
        "Un 30 gradi di pendenza. Un 90 gradi secco. La massima è il 30 gradi di oggi.",
    ),
    (
        "de un 90° exacto, Un 45° de inclinación, Subió un 1° la temperatura",
        "es",
        "de un 90 grados exacto, Un 45 grados de inclinación, Subió un 1 grado la temperatura",
    ),
    ("El 1° de enero", "es", "El primero de enero"),
    ("El 45° paralelo", "es", "El cuadragésimo quinto paralelo"),
    ("um 90° exato", "pt", "um 90 graus exato"),
]


@readings(DEGREE_SIGN_RANKS)
def test_a_degree_sign_after_an_article_before_a_word_is_an_ordinal(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A fraction before "of" is a part in words, its denominator an ordinal from num2words up to twelve ("1 over 6",
#: "1 fratto 6", "1 sobre 6" were said); dates, a split and a lone division stay as they were
FRACTIONS_OF = [
    (
        "about 1/6 of ours. Pay 1/12 of it, 3/8 of an inch",
        "en",
        "about one sixth of ours. Pay one twelfth of it, three eighths of an inch",
    ),
    ("on 1/6/2024, a 1/6 split, 1/13 of it", "en", "on 1/6/2024, a 1 over 6 split, 1 over 13 of it"),
    (
        "circa 1/6 del totale, 3/8 di pollice, 1/6 dell'importo",
        "it",
        "circa un sesto del totale, tre ottavi di pollice, un sesto dell'importo",
    ),
    ("1/6 de la población, 3/8 de pulgada", "es", "un sexto de la población, tres octavos de pulgada"),
    ("1/6 da população, 3/8 de polegada", "pt", "um sexto da população, três oitavos de polegada"),
    ("1/6 de la population, 3/8 d'un pouce", "fr", "un sixième de la population, trois huitièmes d'un pouce"),
    ("1/6 der Fläche, 3/8 von allem", "de", "ein Sechstel der Fläche, drei Achtel von allem"),
    ("⅛ cup, 1⅚", "en", "one eighth cup, 1 and five sixths"),
    # a day and a month after a definite article or before a year or "month" are a date ("el cinco sextos de 2023")
    ("Lo vi el 5/6 de 2023. El 1/10 del mes.", "es", "Lo vi el 5 sobre 6 de 2023. El 1 sobre 10 del mes."),
    ("Le 5/6 de 2023. Le 1/12 de chaque mois.", "fr", "Le 5 sur 6 de 2023. Le 1 sur 12 de chaque mois."),
    ("Il 1/12 del 2024", "it", "Il 1 fratto 12 del 2024"),
    ("Am 1/12 des Jahres.", "de", "Am 1 durch 12 des Jahres."),
    ("Since 9/11 of 2001, 5/6 of 2023", "en", "Since 9 over 11 of 2001, 5 over 6 of 2023"),
    # a position among others after its noun ("page one twelfth of the slides" was said)
    (
        "See page 1/12 of the slides. Slide 3/10 of the deck",
        "en",
        "See page 1 over 12 of the slides. Slide 3 over 10 of the deck",
    ),
    (
        "Step 5/8 of the install, Epoch 7/10 of training, Question 3/5 of the quiz",
        "en",
        "Step 5 over 8 of the install, Epoch 7 over 10 of training, Question 3 over 5 of the quiz",
    ),
    ("Pagina 1/12 delle slide", "it", "Pagina 1 fratto 12 delle slide"),
]


@readings(FRACTIONS_OF)
def test_a_fraction_before_of_is_said_as_a_part(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A fraction of one after an indefinite article is said without its own "one" ("un un cuarto de hora" was said)
FRACTIONS_AFTER_AN_ARTICLE = [
    ("un 1/4 de hora, 1/4 de hora", "es", "un cuarto de hora, un cuarto de hora"),
    ("un 1/4 d’ora, 1/4 d’ora", "it", "un quarto d’ora, un quarto d’ora"),
    ("um 1/4 de hora", "pt", "um quarto de hora"),
    ("un 1/4 d'heure", "fr", "un quart d'heure"),
    ("a 1/4 inch bolt, 3/4 of it", "en", "a quarter inch bolt, three quarters of it"),
    (
        "A 1/8 of an inch, a 1/11 of it, an 1/8 of a mile",
        "en",
        "An eighth of an inch, an eleventh of it, an eighth of a mile",
    ),
]


@readings(FRACTIONS_AFTER_AN_ARTICLE)
def test_a_fraction_after_an_indefinite_article_does_not_repeat_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `~` after an article before a percentage: "about" goes before the article ("un aproximadamente 34 %", "del circa
#: 34%" were said)
ABOUT_AFTER_AN_ARTICLE = [
    (
        "cayó un ~34 %, El ~34,5 %, del ~34 %",
        "es",
        "cayó aproximadamente un 34 %, Aproximadamente el 34,5 %, de aproximadamente el 34 %",
    ),
    ("del ~34%, il ~34%, nel ~34% dei casi", "it", "di circa il 34%, circa il 34%, in circa il 34% dei casi"),
    ("caiu um ~34 %", "pt", "caiu aproximadamente um 34 %"),
    ("de ~34 %, con ~5 ms", "es", "de aproximadamente 34 %, con aproximadamente 5 milisegundos"),
]


@readings(ABOUT_AFTER_AN_ARTICLE)
def test_about_after_an_article_is_said_before_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Data units as a databases blog writes them (`1 Gb/s` was "1 Gb per second", heard "G B", `1 TiB`, `25 Gbit/s` left
#: as written, `par Go` read as the English "go"), and an amount describing a noun in the singular ("a 2 terabytes
#: NVMe" was said)
DATA_UNITS = [
    ("a 1 Gb/s link, 1 TiB and 10 Mbit/s", "en", "a 1 gigabit per second link, 1 tebibyte and 10 megabits per second"),
    (
        "a 2TB NVMe, A 4 KiB page, a 100 ms timeout",
        "en",
        "a 2-terabyte NVMe, A 4-kibibyte page, a 100-millisecond timeout",
    ),
    (
        "0.02 dollars per GB per month; a 2 TB. It has 16 GB of RAM",
        "en",
        "0.02 dollars per gigabyte per month; a 2 terabytes. It has 16 gigabytes of RAM",
    ),
    ("25 Gbit/s, 1 Gb/s", "fr", "25 gigabits par seconde, un gigabit par seconde"),
    ("0,02 € par Go et par mois", "fr", "2 centimes par gigaoctet et par mois"),
    ("25 Gbit/s, 1 TiB, pro GB und Monat", "de", "25 Gigabit pro Sekunde, ein Tebibyte, pro Gigabyte und Monat"),
]

#: `~` after an article is a word that goes there ("a about 5 gigabytes file" was said), and an amount with its unit
#: still describes the noun after it
ABOUT_AFTER_AN_ARTICLE = [
    ("a ~5 GB file", "en", "a roughly 5-gigabyte file"),
    ("an ~8 GB model and A ~50 ms delay", "en", "an approximately 8-gigabyte model and A roughly 50-millisecond delay"),
    ("a ~5% gain, an ~80% share", "en", "a roughly 5% gain, an approximately 80% share"),
    ("It needs a ~2 GB. Then", "en", "It needs a roughly 2 gigabytes. Then"),
    ("it is ~5 GB and takes ~5 min", "en", "it is about 5 gigabytes and takes about 5 minutes"),  # no article
]


@readings(ABOUT_AFTER_AN_ARTICLE)
def test_about_after_an_article_is_roughly(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(DATA_UNITS)
def test_data_units_are_said_as_units(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Two words joined by a slash beside a noun of proportions are a pair, not a choice ("a 1 to 3 read or write ratio"
#: was said); elsewhere, and for `and/or`, the slash stays "or"
SLASHED_PAIRS = [
    ("a 1:3 read/write ratio, a Read/Write split", "en", "a 1 to 3 read-write ratio, a Read-Write split"),
    ("read/write workloads; read/write latency", "en", "read-write workloads; read or write latency"),
    ("an and/or ratio, a true/false question", "en", "an and or ratio, a true or false question"),
    ("le ratio lecture/écriture, lecture/écriture", "fr", "le ratio lecture-écriture, lecture ou écriture"),
]


@readings(SLASHED_PAIRS)
def test_words_joined_by_a_slash_beside_a_noun_of_proportions_are_a_pair(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A rating out of 5, 10 or 100 after a verb or a noun of rating is "out of" ("I'd give it 8 over 10" was said), "von"
#: in German ("durch"), "su" in Italian ("fratto"); French says "sur" already. A part before "of", a score above the
#: best, another denominator, a fraction and a step's count stay as they were
RATINGS = [
    (
        "I'd give it 8/10, rated 4/5, I scored 9/10 and it scores 95/100.",
        "en",
        "I'd give it 8 out of 10, rated 4 out of 5, I scored 9 out of 10 and it scores 95 out of 100.",
    ),
    ("She gave it a solid 8/10; rated 4.5/5.", "en", "She gave it a solid 8 out of 10; rated 4.5 out of 5."),
    ("Ich gebe ihm 8/10, bewertet mit 4,5/5.", "de", "Ich gebe ihm 8 von 10, bewertet mit 4,5 von 5."),
    ("Gli do 8/10.", "it", "Gli do 8 su 10."),
    ("Je lui donne 8/10.", "fr", "Je lui donne 8 sur 10."),
    (
        "give 1/5 of it, rated 12/10, gave it 3/4, Step 8/10, 1/2 cup, 60 km/h",
        "en",
        "give one fifth of it, rated 12 over 10, gave it three quarters, Step 8 over 10, one half cup, 60 kilometers "
        "per hour",
    ),
    # ... nor a rate, a noun of speed, nor a condition's "given" (review: "the learning rate 1 out of 10"); "rate it"
    # is a rating
    (
        "the learning rate 1/10, a rate of 1/100, given 1/5 chance; I rate it 8/10",
        "en",
        "the learning rate 1 over 10, a rate of 1 over 100, given 1 over 5 chance; I rate it 8 out of 10",
    ),
    # ... at a sentence's start too (review f-spoken4: "Rate it 4 over 5"); a measure after the share is a quantity
    # given, as before the ratings ("give 1 out of 10 teaspoon" was said)
    (
        "Rate it 4/5. Rated 4.5/5. Give it 8/10 stars.",
        "en",
        "Rate it 4 out of 5. Rated 4.5 out of 5. Give it 8 out of 10 stars.",
    ),
    (
        "give 1/10 teaspoon, Give 1/5 cup, give 3/10 tsp., give 1/10 g, gave them 1/10 doses",
        "en",
        "give 1 over 10 teaspoon, Give 1 over 5 cup, give 3 over 10 teaspoons, give 1 over 10 grams, gave them 1 "
        "over 10 doses",
    ),
]


@readings(RATINGS)
def test_a_rating_is_said_out_of_its_best(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    ("line", "language"),
    [
        (("I'd give it a solid 8/10, rated 4/5; " * 150)[:5000], "en"),
        ("give " + "it " * 1660 + "8/10", "en"),
        (("gebe ihm eine 8/10 " * 300)[:5000], "de"),
        ("rated " + "1/" * 2496 + "5", "en"),
    ],
    ids=["ratings", "fillers", "German", "slashes"],
)
def test_a_long_line_of_ratings_is_read_in_linear_time(line: str, language: str) -> None:
    assert reading_seconds(line, language) < 0.5, "a rating is looked for again from each word"


#: A blood pressure written without its unit on a line that speaks of one is said as one with it is ("140 durch 90",
#: "140 fratto 90", "140 sobre 90" beside "120 por 80 milímetros de mercúrio" were said; review r-tech); a pair that
#: is no pressure stays a division or a fraction
BLOOD_PRESSURES_WITHOUT_A_UNIT = [
    (
        "My blood pressure was 140/90, then 120/80 mmHg.",
        "en",
        "My blood pressure was 140 over 90, then 120 over 80 millimeters of mercury.",
    ),
    (
        "Mein Blutdruck war 140/90, dann 120/80 mmHg.",
        "de",
        "Mein Blutdruck war 140 zu 90, dann 120 zu 80 Millimeter Quecksilbersäule.",
    ),
    ("Ma tension était de 140/90.", "fr", "Ma tension était de 140 sur 90."),
    ("Mi presión arterial era 140/90.", "es", "Mi presión arterial era 140 sobre 90."),
    (
        "La pressione era 120/80 mmHg, poi 140/90.",
        "it",
        "La pressione era 120 su 80 millimetri di mercurio, poi 140 su 90.",
    ),
    (
        "A pressão era 120/80 mmHg, depois 140/90.",
        "pt",
        "A pressão era 120 por 80 milímetros de mercúrio, depois 140 por 90.",
    ),
    ("Der Blutdruck ist 140/90, die Quote 90/140.", "de", "Der Blutdruck ist 140 zu 90, die Quote 90 durch 140."),
    ("Die Quote war 140/90.", "de", "Die Quote war 140 durch 90."),
]


@readings(BLOOD_PRESSURES_WITHOUT_A_UNIT)
def test_a_blood_pressure_without_its_unit_is_said_as_one(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A race's time or split in hours, minutes and seconds is a duration (`3:12:45` was left as written; review r-tech);
#: a time of day after its cue and a place in a recording stay as they were
RACE_TIMES = [
    (
        "My marathon finish time was 3:12:45, splits 1:37:10 and 1:35:35.",
        "en",
        "My marathon finish time was 3 hours 12 minutes 45 seconds, splits 1 hour 37 minutes 10 seconds and 1 hour "
        "35 minutes 35 seconds.",
    ),
    (
        "Meine Zielzeit war 3:12:45, in 1:00:00 geschafft.",
        "de",
        "Meine Zielzeit war 3 Stunden 12 Minuten 45 Sekunden, in einer Stunde geschafft.",
    ),
    ("Mon temps au marathon : 3:12:45", "fr", "Mon temps au marathon : 3 heures 12 minutes 45 secondes"),
    ("Mi tiempo fue 3:12:45", "es", "Mi tiempo fue 3 horas 12 minutos 45 segundos"),
    ("con parziali di 1:37:10", "it", "con parziali di un'ora 37 minuti 10 secondi"),
    ("Meu tempo na maratona foi 0:45:30", "pt", "Meu tempo na maratona foi 45 minutos 30 segundos"),
    ("The backup job ran at 3:12:45 last night", "en", "The backup job ran at 3:12:45 last night"),
    ("The log shows 3:12:45 and 1:00:00", "en", "The log shows 3:12:45 and 1:00:00"),
    ("The current time is 9:41:00", "en", "The current time is 9:41:00"),
    ("Die Uhrzeit ist 9:41:00", "de", "Die Uhrzeit ist 9:41:00"),
    ("Start 9:41:00 Uhr, Zielzeit 3:12:45", "de", "Start 9:41:00 Uhr, Zielzeit 3 Stunden 12 Minuten 45 Sekunden"),
    ("The race: see 1:02:30 in the video; time 14:30:00", "en", "The race: see 1:02:30 in the video; time 14:30:00"),
]


@readings(RACE_TIMES)
def test_a_race_time_is_said_in_hours_minutes_and_seconds(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A ratio after an article with a capital is a ratio, not a verse (`A 1:2 ratio` was left; review r-tech)
RATIOS_AFTER_A_CAPITAL_ARTICLE = [
    ("A 1:2 ratio of rice to water. The 3:1 split.", "en", "A 1 to 2 ratio of rice to water. The 3 to 1 split."),
    ("Romans 8:1 on the ratio", "en", "Romans 8:1 on the ratio"),
    # ... and one with a one-digit decimal after the colon, which no clock writes (f-spoken10: `1:1.5` was left)
    (
        "Mix at 1:1.5 ratio, a 1:2.25 ratio; at 1:15 the ratio",
        "en",
        "Mix at 1 to 1.5 ratio, a 1 to 2.25 ratio; at 1:15 the ratio",
    ),
    ("Verhältnis 1:1,5 mischen.", "de", "Verhältnis 1 zu 1,5 mischen."),
    ("échelle 1:1000 et 1:2,25.", "fr", "échelle 1 sur 1000 et 1 à 2,25."),
]


@readings(RATIOS_AFTER_A_CAPITAL_ARTICLE)
def test_a_ratio_after_a_capital_article_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    ("line", "language"),
    [
        (("My blood pressure was 140/90, " * 200)[:5000], "en"),
        (("marathon splits 1:37:10 and " * 200)[:5000], "en"),
        ("race " + "1:37:1" * 830, "en"),
        (("CO₂ and H₂O, V₁I₁ = V₂I₂, Ca²⁺, " * 200)[:5000], "en"),
        ("NaCl" * 1248 + "x₂⁺", "en"),
    ],
    ids=["pressures", "race times", "colons", "formulas", "elements"],
)
def test_a_long_line_of_pressures_race_times_and_formulas_is_read_in_linear_time(line: str, language: str) -> None:
    assert reading_seconds(line, language) < 0.5


#: Template tags in a line (a Hugo or Jekyll blog's, or one about them): their words, as `{{ page.title }}` always
#: was "page.title"; Hugo's angle brackets were "is less than … is greater than" and Liquid's `%` signs said
#: (bug bash h-render). Whole tags only.
TEMPLATE_TAGS = [
    (
        'See {{< ref "first.md" >}} and {{% param "author" %}} for more.',
        'See ref "first.md" and param "author" for more.',
    ),
    ('Use `{{< ref "first.md" >}}` to link.', 'Use ref "first.md" to link.'),
    ("In Jekyll, {{ page.title }} and {% include x.html %} work.", "In Jekyll, page.title and include x.html work."),
    ('Write {{</* figure src="a.png" */>}} in a post.', 'Write figure src equals "a.png" in a post.'),
    ("Liquid {%- if x -%} trims.", "Liquid if x trims."),
    ("The set {50%} stays.", "The set 50% stays."),
    # a paired shortcode's or block's tags are not said, a closing shortcode never ("note Careful /note" was said;
    # the words were not glued to the words beside them either: "noteCareful", review r-render)
    ("Hugo: {{< note >}}Careful{{< /note >}} there.", "Hugo: Careful there."),
    ('{{% note title="Mind" %}}Be careful.{{% /note %}}', "Be careful."),
    ("Careful there.{{< /note >}}", "Careful there."),
    ("Careful {{% / note %}} there.", "Careful there."),
    ("{% raw %}{{ x }}{% endraw %} keeps it.", "x keeps it."),
    ("Write {{</* /note */>}} to close one.", "Write /note to close one."),
]


@pytest.mark.parametrize(("line", "said"), TEMPLATE_TAGS, ids=[line for line, _ in TEMPLATE_TAGS])
def test_a_template_tag_is_said_as_its_words(line: str, said: str) -> None:
    assert spoken_text(line, "en") == said
    assert "inférieur" not in spoken_text(line, "fr")  # no language reads its delimiters


#: No tag is made of two code spans' delimiters: a line about them was "open with and close with" (review r-render)
NOT_TEMPLATE_TAGS = [
    ("Tags open with `{%` and close with `%}` in Jinja.", "Tags open with % and close with % in Jinja."),
    (
        "Shortcodes open with `{{<` and close with `>}}` in Hugo.",
        "Shortcodes open with less than and close with greater than in Hugo.",
    ),
]


@pytest.mark.parametrize(("line", "said"), NOT_TEMPLATE_TAGS, ids=[line for line, _ in NOT_TEMPLATE_TAGS])
def test_the_delimiters_of_two_code_spans_are_no_template_tag(line: str, said: str) -> None:
    assert spoken_text(line, "en") == said
