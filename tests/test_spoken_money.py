"""Money as people say it, where a bug bash heard it misread: an amount's word written in full, currency signs a
table lacked, a price as an adjective and amounts under one unit."""

from __future__ import annotations

import pytest

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import reading_seconds, readings

#: An amount's word written in full after a sign, in the singular or the plural: it goes with the amount, before the
#: currency ("um real e 31 milhão", "1,2 reais bilhão", "un euro miliardo" were said)
WORDS_IN_FULL = [
    ("Chegaria a R$ 1,31 milhão.", "pt", "Chegaria a 1,31 milhão de reais."),
    (
        "R$ 1,2 bilhão, R$ 1 milhão e R$ 2,5 milhões",
        "pt",
        "1,2 bilhão de reais, um milhão de reais e 2,5 milhões de reais",
    ),
    ("US$ 1 trilhão", "pt", "um trilhão de dólares"),
    (
        "$1 millón, $1,5 millón y US$ 1 billón",
        "es",
        "un millón de dólares, 1,5 millones de dólares y un billón de dólares",
    ),
    (
        "€ 2 milioni, € 1 milione, € 1 miliardo, 3 milioni €",
        "it",
        "2 milioni di euro, un milione di euro, un miliardo di euro, 3 milioni di euro",
    ),
    (
        "$1,5 milliard, $2 millions, 1 milliard €",
        "fr",
        "1,5 milliard de dollars, 2 millions de dollars, un milliard d'euros",
    ),
    (
        "$1 Milliarde, mit 1 Milliarde $, 1 Million €",
        "de",
        "eine Milliarde Dollar, mit einer Milliarde Dollar, eine Million Euro",
    ),
]


@readings(WORDS_IN_FULL)
def test_an_amounts_word_in_full_goes_before_the_currency(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `US$` where the table lacked it: "Costa US dollari 5." was said
US_DOLLARS = [
    ("Costa US$ 5.", "it", "Costa 5 dollari."),
    ("Coûte US$ 5, US$ 1.", "fr", "Coûte 5 dollars, un dollar."),
    ("Kostet US$ 5, für US$ 1.", "de", "Kostet 5 Dollar, für einen Dollar."),
    ("Kost US$ 5.", "nl", "Kost 5 dollar."),
    ("Kostar US$ 5.", "sv", "Kostar 5 dollar."),
    ("Costs US$ 5.", "en", "Costs 5 US dollars."),
]


@readings(US_DOLLARS)
def test_us_dollars_sign_is_said_after_the_amount(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: The Brazilian real's sign where the table lacked it ("R dollars 1.000", "R dólares 1.000" were said); English
#: reads Brazil's marks after it (`R$ 1.000` was "one point zero zero zero"), as no price in reais has three decimals
REAIS = [
    ("A balance of R$ 1.000, R$ 1 and 10 BRL.", "en", "A balance of 1,000 reais, 1 real and 10 reais."),
    (
        "R$ 1.200,50, R$ 2,5 million, R$ 1,000.50, R$ 1.5",
        "en",
        "1,200 reais 50, 2.5 million reais, 1,000 reais 50, 1.5 reais",
    ),
    ("Con un saldo de R$ 1.000 y R$ 1.", "es", "Con un saldo de 1.000 reales y un real."),
    ("Con R$ 1.000 e R$ 1.", "it", "Con 1.000 real e un real."),
    ("Avec R$ 1.000 et R$ 1.", "fr", "Avec 1.000 réals et un réal."),
    ("Kostet R$ 1.000, kostet R$ 1.", "de", "Kostet 1.000 Real, kostet einen Real."),
    ("Kost R$ 1.000.", "nl", "Kost 1.000 real."),
    ("Kostar R$ 1 000.", "sv", "Kostar 1 000 real."),
]


@readings(REAIS)
def test_reais_sign_is_said_after_the_amount(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: English money between a determiner and a noun describes the noun, as a unit does (`a 1,200 kg car`): "a 2,500
#: dollars balance" was said
MONEY_ADJECTIVES = [
    ("a $2,500 balance and a €100 basket", "en", "a 2,500-dollar balance and a 100-euro basket"),
    ("a $5 coffee, an $8 sandwich, our $1 bill", "en", "a 5-dollar coffee, an 8-dollar sandwich, our 1-dollar bill"),
    ("a $1.5 million loan, the $2.3M round", "en", "a 1.5-million-dollar loan, the 2.3-million-dollar round"),
    # ... after "a" or "an" with a brand's words between (review f-spoken5: "a 5 dollars Uber ride")
    ("a $5 Uber ride, an $8 Amazon gift card", "en", "a 5-dollar Uber ride, an 8-dollar Amazon gift card"),
    # ... and after "the" or another determiner where no name's verb follows them (review f-spoken6: "The 5 dollars
    # Uber ride"; `The $5 John owes me` is a clause)
    (
        "The $5 Uber ride, the $5 Uber rides were cheap, our $8 Amazon gift card.",
        "en",
        "The 5-dollar Uber ride, the 5-dollar Uber rides were cheap, our 8-dollar Amazon gift card.",
    ),
    # ... before a clause whose subject is an article's or a pronoun (review r-spoken6: "The 5 dollars Uber ride my
    # sister booked")
    (
        "The $5 Uber ride my sister booked, the $10 Netflix plan you chose, the $20 Apple cable a friend gave me.",
        "en",
        "The 5-dollar Uber ride my sister booked, the 10-dollar Netflix plan you chose, the 20-dollar Apple cable a"
        " friend gave me.",
    ),
    # the country's code is no part of the adjective ("a 10-US-dollar fee" was said, review 211)
    (
        "a US$ 10 fee, The US$ 5 fee, a CHF 100 voucher",
        "en",
        "a 10-dollar fee, The 5-dollar fee, a 100-Swiss-franc voucher",
    ),
    ("On a R$ 1.000 balance", "en", "On a 1,000-real balance"),
    ("our $2M seed round, a $5 red shirt", "en", "our 2-million-dollar seed round, a 5-dollar red shirt"),
    ("a ~$5 fee, an ~$8 fee", "en", "a roughly 5-dollar fee, an approximately 8-dollar fee"),  # review 211
    # a plural noun before a verb, a preposition or an adjective (not a verb in -s: see below)
    (
        "the $20 gifts were nice, the $5 fees apply, the $5 bills in my wallet",
        "en",
        "the 20-dollar gifts were nice, the 5-dollar fees apply, the 5-dollar bills in my wallet",
    ),
    ("a $15 T-shirt", "en", "a 15-dollar T-shirt"),  # a letter's noun: no name
    # "bet" as a noun: with no name, a brand's, after "a"
    (
        "He lost the $20 bet on the game; the $20 DraftKings bet was a loss; a $20 Tom bet on the game.",
        "en",
        "He lost the 20-dollar bet on the game; the 20-dollar DraftKings bet was a loss; a 20-dollar Tom bet on the"
        " game.",
    ),
    # ... "bet on" after a brand's or a league's words, no person's name (review r-spoken8: "the 50 dollars FanDuel
    # bet on the Lakers")
    (
        "The $50 FanDuel bet on the Lakers lost, the $100 NBA bet on Boston paid, the $50 Super Bowl bet on the Chiefs"
        " too.",
        "en",
        "The 50-dollar FanDuel bet on the Lakers lost, the 100-dollar NBA bet on Boston paid, the 50-dollar Super Bowl"
        " bet on the Chiefs too.",
    ),
]

#: ... and money that is no adjective keeps its words: no determiner, no noun after it, a clause of its own, cents
NO_MONEY_ADJECTIVES = [
    (
        "pay $5 today, costs $5 a month, $5 for lunch",
        "en",
        "pay 5 dollars today, costs 5 dollars a month, 5 dollars for lunch",
    ),
    ("the $500 we raised, the $5 goes to rent", "en", "the 500 dollars we raised, the 5 dollars goes to rent"),
    (
        "the $20 you owe, the $500 raised, the $5.",
        "en",
        "the 20 dollars you owe, the 500 dollars raised, the 5 dollars.",
    ),
    ("a $3.99 coffee, a $5/month plan", "en", "a 3 dollars 99 coffee, a 5 dollars per month plan"),
    (
        "every $1 spent, the $5 invested, this $5 isn't much",
        "en",
        "every 1 dollar spent, the 5 dollars invested, this 5 dollars isn't much",
    ),
    ("un caffè da 5 €", "it", "un caffè da 5 euro"),
    # a verb in -s, of a list or before an article, a pronoun or the clause's end (review 211: "the 5-dollar feeds")
    ("the $5 feeds the cat.", "en", "the 5 dollars feeds the cat."),
    ("The $50 lets you skip the queue.", "en", "The 50 dollars lets you skip the queue."),
    ("The $10 gives hope.", "en", "The 10 dollars gives hope."),
    ("The $5 keeps the lights on.", "en", "The 5 dollars keeps the lights on."),
    ("The $5 provides a meal.", "en", "The 5 dollars provides a meal."),
    ("The $20 allows entry.", "en", "The 20 dollars allows entry."),
    ("The $100 requires approval.", "en", "The 100 dollars requires approval."),
    ("The $5 says a lot.", "en", "The 5 dollars says a lot."),
    ("the $5 wins.", "en", "the 5 dollars wins."),
    ("the $5 shrinks it, the $5 vanishes", "en", "the 5 dollars shrinks it, the 5 dollars vanishes"),
    # ... a name (review 211)
    ("The $5 John owes me is late.", "en", "The 5 dollars John owes me is late."),
    ("Don't pay the $5 Sam asked for.", "en", "Don't pay the 5 dollars Sam asked for."),
    # ... a name's verb after "the": a past, a verb before an object ("the 5-dollar Mom gave me" is no brand's noun)
    (
        "The $5 John owes is late, the $5 Mom gave me, the $5 Sam lent us, the $5 Sam found.",
        "en",
        "The 5 dollars John owes is late, the 5 dollars Mom gave me, the 5 dollars Sam lent us, the 5 dollars Sam"
        " found.",
    ),
    # ... "bet" before what was bet on or against, and a past no noun has ("the 20-dollar Tom bet on the game")
    (
        "That's the $20 Tom bet on the game, the $50 Dad bet against us, the $5 Anna won at poker.",
        "en",
        "That's the 20 dollars Tom bet on the game, the 50 dollars Dad bet against us, the 5 dollars Anna won at"
        " poker.",
    ),
    # ... after "a" a name alone or before a verb
    ("a $5 Uber. A $5 Uber is cheap.", "en", "a 5 dollars Uber. A 5 dollars Uber is cheap."),
    # ... nor a size written with a capital, which is no brand (review r-spoken5: "a 5-dollar Million deal")
    ("We signed a $5 Million deal.", "en", "We signed a 5 dollars Million deal."),
    # ... or "worth", said in cents as before the adjective (review 211: "my 2-cent worth")
    ("Just my $0.02 worth.", "en", "Just my 2 cents worth."),
]


@readings(MONEY_ADJECTIVES)
def test_english_money_before_a_noun_is_an_adjective(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(NO_MONEY_ADJECTIVES)
def test_money_that_describes_no_noun_keeps_its_words(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: An amount under one unit with two decimals is said in cents, as `€1.80` is "1 euro 80" ("0.90 dollars", "0,99
#: euro" were said)
CENTS = [
    (
        "$0.90, $0.05 per share, €0.30/kWh, $0.01",
        "en",
        "90 cents, 5 cents per share, 30 cents per kilowatt hour, 1 cent",
    ),
    ("£0.50, a $0.50 fee", "en", "50 pence, a 50-cent fee"),
    ("R$ 0,80/kWh e R$ 0,01", "pt", "80 centavos por quilowatt-hora e um centavo"),
    ("0,99 € e 0,01 €", "it", "99 centesimi e un centesimo"),
    ("0,99 € y 0,01 €", "es", "99 céntimos y un céntimo"),
    ("0,99 € et 0,01 €", "fr", "99 centimes et un centime"),
    ("0,99 € oder 0,50 CHF, kostet 0,01 €", "de", "99 Cent oder 50 Rappen, kostet einen Cent"),
    ("€ 0,99", "nl", "99 cent"),
    ("0,50 kr", "sv", "50 öre"),
]

#: ... but not three decimals or more, one, none, a currency whose cents the table does not name, a rate or a range
NO_CENTS = [
    ("$0.002/1K tokens, $0.5, $0.00", "en", "0.002 dollars per thousand tokens, 0.5 dollars, 0.00 dollars"),
    ("1 EUR = 0.92 USD", "en", "1 EUR equals 0.92 US dollars"),
    ("0,30–0,99 €", "de", "0,30 bis 0,99 Euro"),
    ("0,50 JPY.", "fr", "0,50 yen."),
    ("0,30 $", "fr", "0,30 dollar"),  # eSpeak NG reads French "cents" as hundreds ("trente cent")
]


@readings(CENTS)
def test_an_amount_under_one_unit_is_said_in_cents(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(NO_CENTS)
def test_other_amounts_under_one_keep_their_decimals(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A Swedish shop's price in whole crowns (`49:-`) is said in crowns: eSpeak NG said the number alone (bug bash h-nlsv);
#: a time's or a formula's colon before a minus stays
WHOLE_CROWNS = [
    ("Pris 49:- på rea, 1:- styck, 1 299:- nu.", "sv", "Pris 49 kronor på rea, en krona styck, 1 299 kronor nu."),
    ("x:-1 och 12:--", "sv", "x:minus 1 och 12:--"),
]


@readings(WHOLE_CROWNS)
def test_a_swedish_price_in_whole_crowns_is_said_in_crowns(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Rouble, rupee, hryvnia, won... signs: eSpeak NG said nothing for `₽` (`₽62` was "sixty-two", in every voice) and
#: put "rupee" before the amount (bug bash h-scripts, a travel blog in English, Russian and Hindi). In English they are
#: said as `$` and `£` are; a page in a language without a table and without its own words for them (below) reads
#: them, as `$17`, with the English words
OTHER_CURRENCY_SIGNS = [
    (
        "A ride costs ₽62, a pass ₽1,500 and the hotel ₹2,499 or ₹1,65,000; ₹1 a day; ₩50,000; ₽5-₽10; a ₹500 note.",
        "en",
        "A ride costs 62 roubles, a pass 1,500 roubles and the hotel 2,499 rupees or 165000 rupees; 1 rupee a day;"
        " 50,000 won; 5 to 10 roubles; a 500-rupee note.",
    ),
    ("₴250, ₪1, ₱99, ₦500, ฿40", "en", "250 hryvnias, 1 shekel, 99 pesos, 500 naira, 40 baht"),
    ("Ride ₩5000", "ko", "Ride 5000 won"),  # Korean has no words for them here
    ("Prix : 62 ₽", "fr", "Prix : 62 ₽"),  # the tables' languages as before
]


@readings(OTHER_CURRENCY_SIGNS)
def test_rouble_rupee_and_other_signs_are_said_as_their_currency(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: An amount's thousands grouped by spaces or apostrophes are one number in English (bug bash h-scripts): eSpeak NG's
#: English voice read `€5 000` as "five zero zero zero euros", `CHF 1'200` "one two hundred", and a rouble price as
#: Russia writes it, `₽189 990`, was "189 roubles 990"
GROUPED_AMOUNTS = [
    (
        "An RTX 4090 for ₽189 990 or ₽189 990.50, ₴12 000, €5 000 and CHF 1'200; a $10 500-piece puzzle.",
        "en",
        "An RTX 4090 for 189990 roubles or 189990 roubles 50, 12000 hryvnias, 5000 euros and 1200 Swiss francs;"
        " a 10 dollars 500-piece puzzle.",
    ),
    ("From ₽1 500-₽2 000 a night.", "en", "From 1500 to 2000 roubles a night."),  # "1 rouble 500-2000 roubles"
    # ... and so in every currency ("1 dollar 000 to 2 000 dollars", "un euro 000 à 2 000 euros"; review r-scripts)
    (
        "From $1 000-$2 000 or €10 000–€20 000; a $10 500-piece puzzle.",
        "en",
        "From 1000 to 2000 dollars or 10000 to 20000 euros; a 10 dollars 500-piece puzzle.",
    ),
    ("De €1 000-€2 000.", "fr", "De 1 000 à 2 000 euros."),
    ("Un prix de 5 000 €.", "fr", "Un prix de 5 000 euros."),  # French voices read its spaces
    # ... and a rupee amount in lakhs and crores, as India writes it ("one sixty-five thousand rupees" was said)
    (
        "₹1,65,000 or ₹1,65,000.50, ₹12,34,56,789, ₹2,499, ₹1,000,000 and 1,65,000 people",
        "en",
        "165000 rupees or 165000 rupees 50, 123456789 rupees, 2,499 rupees, 1,000,000 rupees and 1,65,000 people",
    ),
    ("करीब ₹1,65,000।", "hi", "करीब 165000 रुपये।"),
]


@readings(GROUPED_AMOUNTS)
def test_an_amount_grouped_by_spaces_is_one_number(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: ... and in the page's own words in Russian, Ukrainian, Hindi, Hebrew, Japanese and Chinese (review
#: r-scripts): English's "62 roubles" made eSpeak NG's Russian voice switch to English for a word, its Japanese voice
#: spelled it ("R O U B L E S"), its Hebrew voice had said "shkalim" for `₪` itself; Russian and Ukrainian agree the
#: word with the number, and say a range "от … до"
SIGNS_IN_THE_PAGES_WORDS = [
    ("Проездной — ₽285, около ₽30 000, ₽21, ₽62; обед 1 500 ₽, 6,5 ₽, 11 ₽, 12 ₽.", "ru",
     "Проездной — 285 рублей, около 30000 рублей, 21 рубль, 62 рубля; обед 1500 рублей, 6 рублей 50 копеек, 11 рублей,"
     " 12 рублей."),
    ("Номер ₽1 500-₽2 000 за ночь, от ₽5–₽10 или 100–200 ₽; за $17 и ₹450.", "ru",
     "Номер от 1500 до 2000 рублей за ночь, от 5 до 10 рублей или от 100 до 200 рублей; за 17 долларов и 450 рупий."),
    ("Цена ₽1 млн, 2 млн ₽, ₽3,5 млрд.", "ru",
     # "1 рубль млн"; "эм эль эн" (f-ru)
     "Цена 1 миллион рублей, 2 миллиона рублей, 3 целых 5 десятых миллиарда рублей."),
    ("Квиток ₴21, ₴1 500-₴2 000, 2,5 ₴ або ₽3.", "uk",
     # "два п'ять" (below)
     "Квиток двадцять одна гривня, від 1500 до 2000 гривень, дві гривні 50 копійок або 3 рублі."),
    ("約₽62、₩5000、300 000₩、¥9800です", "ja", "約62ルーブル、5000ウォン、300000ウォン、9800エンです"),
    # eSpeak NG said no "yen"; nor "одна", "две" before it
    ("Около ¥9 800 за ночь, ¥21; 2 ¥.", "ru", "Около 9800 иен за ночь, двадцать одна иена; две иены."),
    ("Близько ¥9 800 за ніч.", "uk", "Близько 9800 ієн за ніч."),
    ("约¥450", "zh", "约¥450"),  # the yuan's sign too
    ("两人₹120，我花₹450打了车。", "zh", "两人120卢比，我花450卢比打了车。"),
    ("कीमत ₹1, ₹450-₹500 और ₽62।", "hi", "कीमत 1 रुपया, 450 से 500 रुपये और 62 roubles।"),
    ("זה עולה ₪50 או 1 ₪.", "he", "זה עולה 50 שקלים או 1 שקל."),
    # the dollar's, euro's and pound's too: `$17` was "17 dollars", in an English accent, spelled in Japanese (review);
    # a `$` only directly before a number, never a formula's (`$x+1$`, `$2 + 3$`) nor in code
    ("Билет $17, кофе €5 и 3 €, чай £1; от $10 до $20, $1-$2, $1,5 млн.", "ru",
     "Билет 17 долларов, кофе 5 евро и 3 евро, чай 1 фунт; от 10 долларов до 20 долларов, от 1 до 2 долларов,"
     " одна целая 5 десятых миллиона долларов."),
    ("Формула $x+1$, а $2 + 3$ — пять; цена $5; `echo $1`.", "ru",
     "Формула x plus one, а two plus three — пять; цена 5 долларов; echo dollar 1."),
    # `$ 5`: as before, no price; its `+` between a number and a letter the page's word ("plus" was said)
    ("Нехай $ 5 + x$ і $5.", "uk", "Нехай dollars 5 плюс x dollars і 5 доларів."),
    ("Квиток $21, €1 500 і £2.", "uk", "Квиток 21 долар, 1500 євро і 2 фунти."),
    ("価格は$17、€5、£3です。式$E = mc^2$", "ja", "価格は17ドル、5ユーロ、3ポンドです。式 E equals m c squared"),
    ("价格$5，€5和£3。", "zh", "价格5美元，5欧元和3英镑。"),
    ("कीमत $17 और £3-£5।", "hi", "कीमत 17 डॉलर और 3 से 5 पाउंड।"),
    ("המחיר $17", "he", "המחיר 17 dollars"),  # eSpeak NG's Hebrew voice reads "דולר" without its vowels
    # an amount glued to a letter keeps English's size (review r-small: "5 долларовM"), as does a rate ("слэш" was said
    # for "5 долларов/месяц"); `1,500` is one number (the voice said "one and five hundred thousandths")
    ("Цена $5M, $5k и $5-10M; ₽5M.", "ru",
     "Цена 5 million dollars, 5 thousand dollars и 5 to 10 million dollars; 5 million roubles."),
    ("Цена £5/hour; 5 € / мес.", "ru", "Цена 5 pounds per hour; 5 евро / мес."),
    ("Цена $1,500, €12,000,000 и 2,500 ₽; $1,5 млн.", "ru",
     "Цена 1500 долларов, 12000000 евро и 2500 рублей; одна целая 5 десятых миллиона"
     " долларов."),
    ("Ціна $1,500, $5.00 і ₴2,00.", "uk", "Ціна 1500 доларів, 5 доларів і дві гривні."),  # "five point zero zero"
    ("价格$5M，$1,500，$5/月。", "zh", "价格5 million dollars，1500美元，5 dollars per 月。"),
    ("السعر ₪50", "ar", "السعر 50 shekels"),
]  # fmt: skip


@readings(SIGNS_IN_THE_PAGES_WORDS)
def test_rouble_rupee_and_other_signs_are_said_in_the_pages_words(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A price's cents and a rate in the page's words too (review f-spoken4): `$0.99` was "0.99 доллара" ("ноль точка
#: девяносто девять", where English's words had said "99 cents"), `$17.50` "семнадцать точка пятьдесят доллара",
#: `₽100/мес` "сто рублей слэш мес", `$5/мес` "5 dollars per мес", `100 ₽/€` "сто слэш euros"; a sign with no words
#: for its cents here, a range's ends and an amount with its size read as before
CENTS_AND_RATES_IN_THE_PAGES_WORDS = [
    ("Цена $0.99, $17.50, $17,05, $1.01, £2.20 и ₽21.02.", "ru",
     "Цена 99 центов, 17 долларов 50 центов, 17 долларов 5 центов, 1 доллар 1 цент, 2 фунта 20 пенсов и 21 рубль"
     " две копейки."),
    ("Ціна $0.99, ₴5.50 і €3.10.", "uk", "Ціна 99 центів, 5 гривень 50 копійок і 3 євро 10 центів."),
    ("価格は$0.99、$17.50です。", "ja", "価格は99セント、17ドル50セントです。"),
    ("价格$17.50，€3.10。", "zh", "价格17.50美元，3.10欧元。"),  # as a decimal, as Chinese says a price
    # ... and a price's tens of cents where eSpeak NG drops the decimal's separator (review r-spoken4: "17.5ドル" was
    # "jūshichi go doru", "2,5 гривні" "два п'ять гривні"), and in Russian as a price is said (review f-ru2)
    ("価格は$17.5、$0.5、$5.0です。", "ja", "価格は17ドル50セント、50セント、5ドルです。"),
    ("Ціна 2,5 ₴, ₴17.5, $0.5, ₴2,5/міс, ₴1,5 млн.", "uk",
     "Ціна дві гривні 50 копійок, 17 гривень 50 копійок, 50 центів, дві гривні 50 копійок на місяць, одна ціла 5"
     " десятих мільйона гривень."),
    ("Цена $1.5, 2,5 ₽.", "ru", "Цена 1 доллар 50 центов, 2 рубля 50 копеек."),
    # ... and before the currency's word cut short, as after its sign ("1500 целых 50 сотых рубля" was said)
    ("Цена 1 500,50 руб., 20,01 руб., 0,99 руб. и 2,5 руб. Всего 100 тыс. руб.", "ru",
     "Цена 1500 рублей 50 копеек, 20 рублей одна копейка, 99 копеек и 2 рубля 50 копеек. Всего 100 тысяч рублей."),
    ("Ціна 1 500,50 грн, 21,21 грн і 2,5 грн.", "uk",
     "Ціна 1500 гривень 50 копійок, двадцять одна гривня двадцять одна копійка і дві гривні 50 копійок."),
    ("कीमत $17.50 और ₹17.50।", "hi", "कीमत 17 डॉलर 50 सेंट और 17 रुपये 50 पैसे।"),
    # a range's ends with cents, each with its words, in the genitive after "от", "до" ("5.50から7.50ドル": the voices
    # dropped the points; review f-ru2)
    ("価格は$5.50–$7.50、$5–$7.50です。", "ja", "価格は5ドル50セントから7ドル50セント、5ドルから7ドル50セントです。"),
    ("Ціна $5.50–$7.50, $21.01–$31.", "uk", "Ціна від 5 доларів 50 центів до 7 доларів 50 центів, від 21 долара 1 цента"
     " до 31 долара."),
    ("Цена ₹17.50, $1.5, $0.50-$1.50, $2.50 млн, $5.00.", "ru",
     "Цена 17 целых 50 сотых рупии, 1 доллар 50 центов, от 50 центов до 1 доллара 50 центов, две целых 50 сотых"
     " миллиона долларов, 5 долларов."),
    ("Тариф ₽100/мес, $5/мес, 5 €/мес, 100 ₽/год, 2 млн ₽/год, 1,5 ₽/мин и $0.99/мес.", "ru",
     "Тариф 100 рублей в месяц, 5 долларов в месяц, 5 евро в месяц, 100 рублей в год, 2 миллиона рублей в год, 1"
     " рубль 50 копеек в минуту и 99 центов в месяц."),
    ("Курс 100 ₽/€, 91,5 ₽/$ и 40 ₴/€; 100/мес, $5/month.", "ru",
     "Курс 100 рублей за евро, 91 рубль 50 копеек за доллар и 40 гривен за евро; 100/мес, 5 dollars per"
     " month."),
    # a range's rate: its end is no rate of its own ("от 100 до 200 рублей рублей в месяц", "100 to 200 рублей в
    # месяц" were said; review r-spoken4)
    ("Тариф ₽100-₽200/мес, 100–200 ₽/мес и ₽100 – ₽200/год.", "ru",
     "Тариф от 100 до 200 рублей в месяц, от 100 до 200 рублей в месяц и от 100 до 200 рублей в год."),
    ("Тариф ₴100-₴200/міс.", "uk", "Тариф від 100 до 200 гривень на місяць."),
    # ... and so is a range of dollars, euros or pounds per the page's period ("5 to 10 dollars/мес" was said,
    # f-small2); per another language's period, English's words as before
    ("Тариф $5-$10/мес, $5-10/мес, €5–€10/мес, £5-£10/год; $5-$10/month.", "ru",
     "Тариф от 5 до 10 долларов в месяц, от 5 до 10 долларов в месяц, от 5 до 10 евро в месяц, от 5 до 10 фунтов в"
     " год; 5 to 10 dollars per month."),
    ("Тариф $5-$10/міс.", "uk", "Тариф від 5 до 10 доларів на місяць."),
    ("Тариф ₴100/міс, ₴100/год, 40 ₴/€.", "uk",
     "Тариф 100 гривень на місяць, 100 гривень на годину, 40 гривень за євро."),
    # French writes a sign spaced before its amount too: "euros 1 500" was said
    ("Il coûte € 1 500, € 15, € 4,50 ou € 0,50 ; 5 € 10 fois.", "fr",
     "Il coûte 1 500 euros, 15 euros, 4 euros 50 ou 50 centimes ; 5 euros 10 fois."),
]  # fmt: skip


@readings(CENTS_AND_RATES_IN_THE_PAGES_WORDS)
def test_cents_and_rates_are_said_in_the_pages_words(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A dollar's sign after its amount, as Russia writes it too (`около 5 $` was "около 5 dollars"), and a Japanese price
#: per a period said as Japanese says one, the period first ("5 dollars per 月" was said); a formula's `$`, another
#: period and a range per a period as before
SIGNS_AFTER_AND_JAPANESE_RATES = [
    ("Кофе там стоит около 5 $, а тариф — 5 $/мес; обед 21 $.", "ru",
     "Кофе там стоит около 5 долларов, а тариф — 5 долларов в месяц; обед 21 доллар."),
    ("Обед стоил 21$.", "ru", "Обед стоил 21 доллар."),
    ("Квиток коштує близько 5 $ або 22 $.", "uk", "Квиток коштує близько 5 доларів або 22 долари."),
    ("Формула $x = 5$ и цена 5 $.", "ru", "Формула x equals five и цена 5 долларов."),
    ("料金は5$です。", "ja", "料金は5ドルです。"),
    ("料金は$5/月、₽100/月、€5/年、$17.50/月です。", "ja",
     "料金はつき5ドル、つき100ルーブル、ねん5ユーロ、つき17ドル50セントです。"),
    ("料金は$5/月曜日、$5-$10/月です。", "ja", "料金は5 dollars per 月曜日、5 to 10 dollars/月です。"),
    # ... a period's kanji that begins another word's, as before (review r-spoken8: "ねん5ドル間", "つき5ドル額",
    # "いちにち5ドル本" were said), and a sign after the amount ("5ドル/月" was said)
    ("料金は$5/年間、$5/月額、$5/日本、5 $/月です。", "ja",
     "料金は5 dollars per 年間、5 dollars per 月額、5 dollars per 日本、つき5ドルです。"),
]  # fmt: skip


@readings(SIGNS_AFTER_AND_JAPANESE_RATES)
def test_a_dollar_sign_after_its_amount_and_a_japanese_rate_are_said_in_the_pages_words(
    line: str, language: str, said: str
) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    "line",
    [
        "Тариф ₽100/мес, 100 ₽/€, $17.50 и $0.99/мес; " * 120,
        "₽" + "1" * 4990 + "/мес",  # its word agrees with its last digits: converted whole, it was an error
        "₽" + "1" * 4990 + ".50",  # ... and so is a price's whole before its cents
        "₽1 " * 1660 + "/мес",
        ("$5-$10/мес, $5-10/month " * 220)[:5000],
        "около 5 $, 21 $ и 5 $/мес; " * 200,
    ],
    ids=["prices", "a long number", "a long price", "signs", "ranges per a period", "dollars after their amounts"],
)
def test_a_long_line_of_cents_and_rates_is_read_in_linear_time(line: str) -> None:
    assert reading_seconds(line[:5000], "ru") < 0.5


def test_a_long_line_of_japanese_rates_is_read_in_linear_time() -> None:
    assert reading_seconds(("料金は$5/月、₽100/月、€5/年、5$です。" * 250)[:5000], "ja") < 0.5


#: Several amounts with `$` on one line are money, not a formula between two of them (`$5 and $10`, `costs $5, or $3
#: on sale`), and two joined by a slash are two amounts (f-spoken9: `$5/$10` was "5 dollars/ dollars 10"); a formula
#: in dollars beside them is read as one
_AMOUNTS = "It costs $5, or $3 on sale; $5 and $10, blinds $5/$10, and $x$ stays $x + y$."
SEVERAL_DOLLAR_AMOUNTS = [
    (_AMOUNTS, "en", "It costs 5 dollars, or 3 dollars on sale; 5 dollars and 10 dollars, blinds 5 dollars / 10 "
     "dollars, and x stays x plus y."),
    (_AMOUNTS, "de", "It costs 5 Dollar, or 3 Dollar on sale; 5 Dollar and 10 Dollar, blinds 5 Dollar / 10 Dollar, "
     "and x stays x plus y."),
    (_AMOUNTS, "es", "It costs 5 dólares, or 3 dólares on sale; 5 dólares and 10 dólares, blinds 5 dólares / 10 "
     "dólares, and x stays x más y."),
    (_AMOUNTS, "ru", "It costs 5 долларов, or 3 доллара on sale; 5 долларов and 10 долларов, blinds 5 долларов / 10 "
     "долларов, and x stays x plus y."),
    (_AMOUNTS, "ja", "It costs 5ドル, or 3ドル on sale; 5ドル and 10ドル, blinds 5ドル / 10ドル, and x stays x plus "
     "y."),
    ("Coûte $5 et $10, €5/€10, $1/$2.", "fr", "Coûte 5 dollars et 10 dollars, 5 euros / 10 euros, un dollar / 2 "
     "dollars."),
    ("Custa $5 e $10, $5/$10.", "pt", "Custa 5 dólares e 10 dólares, 5 dólares / 10 dólares."),
    ("Costa $5 e $10, $5/$10.", "it", "Costa 5 dollari e 10 dollari, 5 dollari / 10 dollari."),
    ("Kost $5 en $10, $5/$10.", "nl", "Kost 5 dollar en 10 dollar, 5 dollar / 10 dollar."),
    ("Kostar $5 och $10, $5/$10.", "sv", "Kostar 5 dollar och 10 dollar, 5 dollar / 10 dollar."),
    ("Коштує $5 і $10, $5/$10, ₽100/₽200.", "uk", "Коштує 5 доларів і 10 доларів, 5 доларів / 10 доларів, 100 рублів"
     " / 200 рублів."),
    ("花了$5和$10，$5/$10。", "zh", "花了5美元和10美元，5美元 / 10美元。"),
    ("$5 और $10, $5/$10", "hi", "5 डॉलर और 10 डॉलर, 5 डॉलर / 10 डॉलर"),
]  # fmt: skip


@readings(SEVERAL_DOLLAR_AMOUNTS)
def test_several_dollar_amounts_on_a_line_are_money_not_a_formula(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize("language", ["en", "ru", "ja"])
def test_a_long_line_of_slashed_dollar_amounts_is_read_in_linear_time(language: str) -> None:
    assert reading_seconds(("$5/$10, $5 and $10, costs $5, or $3 $x$ " * 140)[:5000], language) < 0.5
