"""Russian and Ukrainian pages, which have no table: units, `%`, abbreviations and years said in the page's words, as
a bug bash heard a travel-and-technology post (eSpeak NG said "ка эм" for `км`, "тэ е" for `т. е.`, "гэ" for `г.`,
and English's "gigabytes" for `GB`); Arabic's and Hindi's `%`."""

from __future__ import annotations

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import reading_seconds, readings

#: A unit after a number agrees with it (one, few, many, a fraction's), Latin symbols as the Cyrillic ones
UNITS = [
    ("1 км, 2 км, 5 км, 11 км, 21 км, 2,5 км.", "ru",
     "1 километр, 2 километра, 5 километров, 11 километров, 21 километр, две целых 5 десятых километра."),
    ("За 3 ч, т. е. 83 км/ч; 45 мин и 10 с.", "ru", "За 3 часа, то есть 83 километра в час; 45 минут и 10 секунд."),
    ("Рюкзак 12 кг, вода 1,5 л, сыр 200 г, молоко 500 мл, дом в 3 м, 5 см, 2 мм.", "ru",
     "Рюкзак 12 килограммов, вода одна целая 5 десятых литра, сыр 200 граммов, молоко 500 миллилитров, дом в 3"
     " метра, 5 сантиметров, 2 миллиметра."),
    ("Было 21 °C, -5 °С, от 5-10 км, 1–2 кг, влажность 45%, заряд 5 %, рост 2,5%.", "ru",
     "Было 21 градус Цельсия, минус 5 градусов Цельсия, от пяти до десяти километров, от 1 до 2 килограммов, влажность"
     " 45 процентов, заряд 5 процентов, рост две целых 5 десятых процента."),
    ("Карта 128 ГБ, фото 25 МБ, 1 ТБ, 100 Мбит/с, пинг 40 мс, 2 ГГц.", "ru",
     "Карта 128 гигабайт, фото 25 мегабайт, 1 терабайт, 100 мегабит в секунду, пинг 40 миллисекунд, 2 гигагерца."),
    ("Диск 5 GB, 2 GB, 100 ms, 2 GHz, 50 %, 1 500 MB, 30 000 руб. Потом 2 руб., 1 руб.", "ru",
     "Диск 5 гигабайт, 2 гигабайта, 100 миллисекунд, 2 гигагерца, 50 процентов, 1500 мегабайт, 30000 рублей. Потом"
     " 2 рубля, 1 рубль."),
    # a size in words, and a unit after it many; a unit cut short keeps its full stop where the sentence ends
    ("Квартира 50 кв. м за 100 тыс. руб., 5 млн пользователей, 2 млн км², 1,5 м² и 3 м³. Ждали 45 мин. и 2 ч.", "ru",
     "Квартира 50 квадратных метров за 100 тысяч рублей, 5 миллионов пользователей, 2 миллиона квадратных километров,"
     " одна целая 5 десятых квадратного метра и 3 кубических метра. Ждали 45 минут и 2 часа."),
    ("1 км, 2 км, 5 км, 2,5 км, 3 год, 5 хв, 10 с, 45%, 2 GB, 21 °C, 83 км/год.", "uk",
     "1 кілометр, 2 кілометри, 5 кілометрів, дві цілих 5 десятих кілометра, 3 години, 5 хвилин, 10 секунд, 45"
     " відсотків, 2 гігабайти, 21 градус Цельсія, 83 кілометри на годину."),
    # a plus before a temperature is "плюс" (English's "plus" was said), a size's full stop is its own (`2 млрд. руб.`
    # was "2 миллиарда. руб.")
    ("Было +5 °C, днём +21 °C, бюджет 2 млрд. руб., 5 млн. пользователей.", "ru",
     "Было плюс 5 градусов Цельсия, днём плюс 21 градус Цельсия, бюджет 2 миллиарда рублей, 5 миллионов"
     " пользователей."),
    ("Вдень +21 °C, 2 млрд. грн.", "uk", "Вдень плюс 21 градус Цельсія, 2 мільярди гривень."),
    ("Квартира 50 м² за 2,5 млн грн, 100 тис. користувачів.", "uk",
     "Квартира 50 квадратних метрів за дві цілих 5 десятих мільйона гривень, 100 тисяч користувачів."),
    # after a range's decimal, a unit is a fraction's as after one decimal (the many form was said: "километров")
    ("Путь 2,5–3,5 км, бюджет 2-2,5 млн рублей, 5-10 км.", "ru",
     "Путь от двух целых пяти десятых до трёх целых пяти десятых километра, бюджет от 2 до двух целых пяти десятых"
     " миллиона рублей, от пяти до десяти километров."),
    ("Шлях 2,5–3,5 км.", "uk", "Шлях від двох цілих п'яти десятих до трьох цілих п'яти десятих кілометра."),
    ("Ветер 10 м/с, 1 м/с, 5 Вт, 2 кВт, 300 кВт·ч.", "ru",
     "Ветер 10 метров в секунду, 1 метр в секунду, 5 ватт, 2 киловатта, 300 киловатт-часов."),
    ("Вітер 10 м/с, 5 Вт, 2 кВт, 300 кВт·год, 2 кВт·ч.", "uk",
     "Вітер 10 метрів на секунду, 5 ватів, 2 кіловати, 300 кіловат-годин, 2 кіловат-години."),
    ("السعر 50% و ٥٠٪ الآن", "ar", "السعر 50 بالمائة و ٥٠ بالمائة الآن"),  # eSpeak NG's Arabic voice dropped it
    ("कीमत 50% बढ़ी, 2.5 % भी", "hi", "कीमत 50 प्रतिशत बढ़ी, 2.5 प्रतिशत भी"),
]  # fmt: skip


@readings(UNITS)
def test_a_unit_after_a_number_is_said_in_the_pages_words_agreeing_with_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Abbreviations said in full; a year an ordinal in the case the word before it asks for; the full stop kept where it
#: ends the sentence too
ABBREVIATIONS = [
    ("Т. к. дорога долгая, т.е. 5 дней, и т. д. Потом музеи и др. Всё.", "ru",
     "Так как дорога долгая, то есть 5 дней, и так далее. Потом музеи и другие. Всё."),
    ("См. пост, напр. про Грузию, ок. 2 дней, и т. п.", "ru",
     "Смотрите пост, например про Грузию, около двух дней, и тому подобное."),
    ("Все, в т. ч. дети.", "ru", "Все, в том числе дети."),  # "в тэ чэ"
    ("Усі, у т. ч. діти.", "uk", "Усі, у тому числі діти."),
    ("В 2024 г. и в 2023 году, 5 мая 2021 г., с 2020 г., 2013 г. Потом.", "ru",
     "В две тысячи двадцать четвёртом году и в две тысячи двадцать третьем году, 5 мая две тысячи двадцать первого"
     " года, с две тысячи двадцатого года, две тысячи тринадцатый год. Потом."),
    ("в 1990-х гг., в 2020–2024 гг.", "ru",
     "в тысяча девятьсот девяностых годах, с две тысячи двадцатого по две тысячи двадцать четвёртый год."),
    # a centimetre's `см.` ending a sentence is no "смотрите" (review r-ru: `Рост 5 см. Дальше` was "5 смотрите")
    ("Рост 5 см. Дальше 10 см. См. выше.", "ru", "Рост 5 сантиметров. Дальше 10 сантиметров. Смотрите выше."),
    # `к` asks for the dative ("к две тысячи двадцать пятом году" was said); `с 2020 по 2024 г.`: both years' words
    ("К 2025 году, к 2024 г., благодаря 2003 г., с 2020 по 2024 г. и с 2019 по 2021 гг.", "ru",
     "К две тысячи двадцать пятому году, к две тысячи двадцать четвёртому году, благодаря две тысячи третьему году,"
     " с две тысячи двадцатого по две тысячи двадцать четвёртый год и с две тысячи девятнадцатого по две тысячи"
     " двадцать первый год."),
    # a range of years after another preposition: both years in its case, the years' word as written, in it
    # (f-spoken11: "за с две тысячи десятого по две тысячи пятнадцатый год" was said, the written "годы" lost)
    ("За 2010-2015 годы, на 2024-2025 год, для 2020-2021 годов, у 2020-2021 гг., без 2020-2021 гг.", "ru",
     "За две тысячи десятый – две тысячи пятнадцатый годы, на две тысячи двадцать четвёртый – две тысячи двадцать"
     " пятый год, для две тысячи двадцатого – две тысячи двадцать первого годов, у две тысячи двадцатого – две"
     " тысячи двадцать первого годов, без две тысячи двадцатого – две тысячи двадцать первого годов."),
    ("К 2020-2021 годам, по 2020-2021 гг., о 2020-2021 годах, при 2020-2021 гг., за 2010–2015.", "ru",
     "К две тысячи двадцатому – две тысячи двадцать первому годам, по две тысячи двадцатому – две тысячи двадцать"
     " первому годам, о две тысячи двадцатом – две тысячи двадцать первом годах, при две тысячи двадцатом – две"
     " тысячи двадцать первом годах, за две тысячи десятый – две тысячи пятнадцатый."),
    ("За 2010-2015 роки, для 2020-2021 рр.", "uk",
     "За дві тисячі десятий – дві тисячі п'ятнадцятий роки, для дві тисячі двадцятого – дві тисячі двадцять першого"
     " років."),
    ("2024 год был трудным, к 2025 году легче.", "ru",
     "две тысячи двадцать четвёртый год был трудным, к две тысячи двадцать пятому году легче."),
    ("З 2020 по 2024 р., завдяки 2024 р.", "uk",
     "З дві тисячі двадцятого по дві тисячі двадцять четвертий рік, завдяки дві тисячі двадцять четвертому року."),
    # a town's `г.` before its name (eSpeak NG said "гэ"), in the case the word before asks for; not an initial
    ("г. Москва, в г. Москве, из г. Казани, к г. Туле, Г. Иванов, сахар 5 г. Потом.", "ru",
     "город Москва, в городе Москве, из города Казани, к городу Туле, Г. Иванов, сахар 5 граммов. Потом."),
    ("Напр. у 2024 р., 5 травня 2024 р., у 1990-х рр., див. пост, і т. д., і т. ін., і т. п.", "uk",
     "Наприклад у дві тисячі двадцять четвертому році, 5 травня дві тисячі двадцять четвертого року, у тисяча"
     " дев'ятсот дев'яностих роках, дивіться пост, і так далі, і таке інше, і тому подібне."),
    # a figure's, a table's, a page's and a clause's abbreviation before its number, in the case the word before asks
    # for ("рис", "табл", "стр", "пэ" were said)
    ("См. рис. 3, на стр. 5, в п. 3, из табл. 4, по рис. 2. Табл. 1 (стр. 7).", "ru",
     "Смотрите рисунок 3, на странице 5, в пункте 3, из таблицы 4, по рисунку 2. Таблица 1 (страница 7)."),
    ("Див. табл. 2, на стор. 5, у п. 3, з рис. 4.", "uk",
     "Дивіться таблицю 2, на сторінці 5, у пункті 3, з рисунка 4."),
    # one joined to another by "и" is in its case ("из таблицы 2 и рисунок 3" was said), and a section's number is no
    # decimal ("пункт 3 целых две десятых")
    ("Из табл. 2 и рис. 3, по п. 2 или п. 4, см. рис. 3 и табл. 2. Рис. 1 и табл. 2 (п. 3.2, разделе 2.3).", "ru",
     "Из таблицы 2 и рисунка 3, по пункту 2 или пункту 4, смотрите рисунок 3 и таблицу 2. Рисунок 1 и таблица 2"
     " (пункт 3.2, разделе 2.3)."),
    ("З табл. 2 та рис. 3, згідно з п. 3.2.", "uk", "З таблиці 2 та рисунка 3, згідно з п. 3.2."),
    # clauses' `пп.` before their numbers, a range of them from the first to the last ("пп. от 1 до 3" was said); after
    # another preposition, and a range not rising, as before
    ("См. пп. 1-3, в пп. 2–4, из пп. 5 – 7, согласно пп. 1-3; пп. 2 и 3. Пп. 1-2 описаны, с пп. 1-3, пп. 3-1.", "ru",
     "Смотрите пункты с первого по третий, в пунктах со второго по четвёртый, из пунктов с пятого по седьмой,"
     " согласно пунктам с первого по третий; пункты 2 и 3. Пункты с первого по второй описаны, с пп. от 1 до 3,"
     " пункты 3-1."),
    ("Див. пп. 1-3, у пп. 2–4, з пп. 5-7. Пп. 1-2 описані.", "uk",
     "Дивіться пункти з першого по третій, у пунктах з другого по четвертий, з пунктів з п'ятого по сьомий. Пункти з"
     " першого по другий описані."),
    # ... the clauses listed after the range ordinals too, in its case (`пп. 1-3, 5` ended in "5"), and a range of
    # sections' numbers "с … по" (`пп. 3.1-3.4` was "от трёх целых одной десятой до …"); one joined by a list's comma
    # in the case of the one before it where the list goes on or ends (`из табл. 2, рис. 3` was "…, рисунок 3")
    ("См. пп. 1-3, 5, из пп. 1-3, 5 и 7-9. В пп. 3.1-3.4 и из табл. 2, рис. 3 и стр. 5.", "ru",
     "Смотрите пункты с первого по третий, пятый, из пунктов с первого по третий, пятого и с седьмого по девятый. В"
     " пунктах с 3.1 по 3.4 и из таблицы 2, рисунка 3 и страницы 5."),
    ("Пп. 3.1-3.4, 5.", "ru", "Пункты с 3.1 по 3.4, 5."),
    # ... and the sections listed after the first, no decimals (review r-spoken6: `пп. 1.1-1.3, 2.5` ended in "две
    # целых 5 десятых")
    ("Исключите пп. 1.1-1.3, 2.5, см. п. 3.2 и 3.5, раздел 2.1, 2.4. Цена 2.5.", "ru",
     "Исключите пункты с 1.1 по 1.3, 2.5, смотрите пункт 3.2 и 3.5, раздел 2.1, 2.4. Цена две целых 5 десятых."),
    ("Див. пп. 1.1-1.3, 2.5 та 2.7.", "uk", "Дивіться пункти з 1.1 по 1.3, 2.5 та 2.7."),
    ("Див. пп. 1-3, 5, у пп. 3.1-3.4, з табл. 2, рис. 3.", "uk",
     "Дивіться пункти з першого по третій, п'ятий, у пунктах з 3.1 по 3.4, з таблиці 2, рисунка 3."),
    # a school's or a fiscal year written as its two years, in the locative ("в от 2024 до 2025", "2024 to 2025" were
    # said)
    ("В 2024–2025 учебном году, в 2023/2024 финансовом году.", "ru",
     "В две тысячи двадцать четвёртом – две тысячи двадцать пятом учебном году, в две тысячи двадцать третьем – две"
     " тысячи двадцать четвёртом финансовом году."),
    ("У 2024–2025 навчальному році.", "uk",
     "У дві тисячі двадцять четвертому – дві тисячі двадцять п'ятому навчальному році."),
    # two decades with the last one's ending: each takes it ("1990–двухтысячные", the first a number, was said)
    ("В 1990–2000-е годы, в 1980-1990-х годах.", "ru",
     "В тысяча девятьсот девяностые – двухтысячные годы, в тысяча девятьсот восьмидесятых – тысяча девятьсот"
     " девяностых годах."),
    ("У 1990–2000-ті роки.", "uk", "У тисяча дев'ятсот дев'яності – двохтисячні роки."),
    # a decade with its ending alone ("девяносто е" was said)
    ("В 1990-е годы, в 1990-х, 2000-е и 1980-ми.", "ru",
     "В тысяча девятьсот девяностые годы, в тысяча девятьсот девяностых, двухтысячные и тысяча девятьсот"
     " восьмидесятыми."),
    ("У 1990-ті роки, у 1990-х, 2000-ті.", "uk",
     "У тисяча дев'ятсот дев'яності роки, у тисяча дев'ятсот дев'яностих, двохтисячні."),
]  # fmt: skip


@readings(ABBREVIATIONS)
def test_an_abbreviation_and_a_years_word_are_said_in_full(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: The same letters where they are no unit nor abbreviation, in code, addresses and formulas, and in other languages
WHAT_STAYS = [
    ("Пришли в 5 с друзьями. Всё ок. Дальше. Рецепт: 1500 г муки.", "ru",
     "Пришли в 5 с друзьями. Всё ок. Дальше. Рецепт: 1500 граммов муки."),  # a preposition, "OK", grams
    # `г` without a full stop after a preposition is grams too ("около тысяча двухсотого года муки" was said); a
    # month's day and `в` make it a year
    ("Около 1200 г муки, до 1500 г сахара, 5 мая 2024 г, в 2024 г", "ru",
     "Около тысячи двухсот граммов муки, до тысячи пятисот граммов сахара, 5 мая две тысячи двадцать четвёртого года,"
     " в две тысячи двадцать четвёртом году"),
    ("Команда `du -h 5 GB т. е.` и ссылка https://example.ru/5%20GB/т.е. и $x = 5 %$.", "ru",
     "Команда du -h 5 gigabytes т. е. и ссылка example.ru gigabytes per т.е. и x equals five."),
    ("5%-ный рост, версия 1.2.3 ГБ.", "ru", "5%-ный рост, версия 1.2.3 ГБ."),
    # a web address's numbers and letters are no amount and unit ("50 процентов", "512 гигабайт" were said)
    ("Ссылка www.site.ru/50% и https://shop.ru/ssd-512GB, 5 GB.", "ru",
     "Ссылка site.ru и shop.ru gigabytes, 5 гигабайт."),
    ("В 2024 г. т. е. 5 км.", "bg", "В 2024 г. т. е. 5 км."),
    ("Родился в 1990 г.р., авто 2024 г.в.", "ru", "Родился в 1990 г.р., авто 2024 г.в."),  # of birth, of make
    ("и т. д. 5 хв", "ru", "и так далее 5 хв"),  # Ukrainian's minutes, Russian's abbreviation
    # a case the words before do not tell (`с рис. 3` "с рисунком"; `видно, и табл. 2` after a clause), no number after
    # it, a village's `п.` and `с.`, a town's or the metro's `м.`
    ("С рис. 3 и табл. 2, рис. А, п. Ленинский.", "ru", "С рис. 3 и табл. 2, рис. А, п. Ленинский."),
    ("На рис. 3 видно, и табл. 2 тоже.", "ru", "На рисунке 3 видно, и табл. 2 тоже."),
    ("За табл. 2, с. 5, м. Київ.", "uk", "За табл. 2, с. 5, м. Київ."),
    # a comma before a clause whose subject the next one is, and a number after a list of clauses that counts a noun
    ("Как видно из табл. 2, рис. 3 показывает рост; пп. 1-3, 5 человек.", "ru",
     "Как видно из таблицы 2, рисунок 3 показывает рост; пункты с первого по третий, 5 человек."),
]  # fmt: skip


@readings(WHAT_STAYS)
def test_letters_that_are_no_unit_nor_abbreviation_stay(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A last digit of 1 or 2 before a feminine noun in its gender: eSpeak NG reads digits in the masculine ("один
#: копейка", "два минуты", "один тысяча"), the words this project writes after a number included
FEMININE = [
    ("Ждали 1 минута, 2 минуты, 21 минута, 22 минуты, 101 страница, 2001 строка.", "ru",
     "Ждали одна минута, две минуты, двадцать одна минута, двадцать две минуты, сто одна страница, две тысячи одна"
     " строка."),
    ("Около 1 минуты, через 1 минуту, за 1 неделю, 2 тыс. руб., 1 мин.", "ru",
     "Около одной минуты, через одну минуту, за одну неделю, две тысячи рублей, одна минута."),
    ("1 хвилина, 2 хвилини, 22 тисячі, через 1 годину, 2 гривні, 2 хв.", "uk",
     "одна хвилина, дві хвилини, двадцять дві тисячі, через одну годину, дві гривні, дві хвилини."),
    # common feminine nouns, those in a soft sign too, whose accusative is their nominative (review r-fem: "один
    # книга", "один часть", "на один ночь" were said)
    ("1 книга, 2 машины, 21 статья, 1 часть, на 1 ночь, за 1 ночь, 2 части, с 1 частью, 2 ошибки.", "ru",
     "одна книга, две машины, двадцать одна статья, одна часть, на одну ночь, за одну ночь, две части, с одной частью,"
     " две ошибки."),
    ("1 книга, 2 машини, з 1 помилкою, з 1 гривнею, 1 доба, 2 статті.", "uk",
     "одна книга, дві машини, з однією помилкою, з однією гривнею, одна доба, дві статті."),
    # what is numbered, in the locative or dative singular, is an ordinal (`на 5 странице` would be a count in the
    # plural, `на 5 страницах`), what is counted a count (review r-fem: "на 20 одной странице", "о дві годині")
    ("На 21 странице, на 2 неделе, к 1 неделе, в 21 школе; в 1 стране, в 21 стране.", "ru",
     "На двадцать первой странице, на второй неделе, к первой неделе, в двадцать первой школе; в одной стране, в"
     " двадцать одной стране."),
    ("О 2 годині, о 21 годині, на 1 хвилині, в 1 машині.", "uk",
     "О другій годині, о двадцять першій годині, на першій хвилині, в одній машині."),
    # a number's words before its last digit's: "20 одна" was sent, which a cloud voice may say "двадцать, одна"
    ("21 секунда, 31 хвилина, 101 сторінка, 21 хв, 22 с.", "uk",
     "двадцять одна секунда, тридцять одна хвилина, сто одна сторінка, двадцять одна хвилина, двадцять дві секунди."),
    # a unit's word after a preposition that asks for the accusative, in it ("через одна хвилина" was said)
    ("Через 1 год, за 1 хв, через 21 хв, на 1 хв.", "uk",
     "Через одну годину, за одну хвилину, через двадцять одну хвилину, на одну хвилину."),
    ("Через 1 мин, за 21 мин.", "ru", "Через одну минуту, за двадцать одну минуту."),
    # a range `1–2`: "1 to 2 недели" (English's table's "to") and "1–две недели" were said (review r-fem)
    ("Через 1–2 недели, 1-2 минуты, на 1 - 2 ночи.", "ru", "Через одну-две недели, одна-две минуты, на одну-две ночи."),
    ("Через 1-2 хвилини, 1–2 гривні.", "uk", "Через одну-дві хвилини, одна-дві гривні."),
]  # fmt: skip

#: Numbers that are no feminine count stay digits: 11 and 12 ("одиннадцать минут"), signs, masculine
#: nouns, a Ukrainian genitive after 1 (its few form too) where no preposition tells its case (`без 1 хвилини` is
#: "без однієї хвилини", `native_cases`), formulas, other languages
FEMININE_STAYS = [
    ("11 минут, 12 минут, A1 минута, 1 рубль, 2 рубля, 112 минут.", "ru",
     "11 минут, 12 минут, A1 минута, 1 рубль, 2 рубля, 112 минут."),
    ("Частка 1 хвилини, $x = 1$ хвилина.", "uk", "Частка 1 хвилини, x equals one хвилина."),
    # an ordinal's oblique case ("на одиннадцатой минуте") is no count; a formula is read as a formula
    ("На 11 минуте, $t = 2 минуты$.", "ru", "На 11 минуте, t equals two."),
    ("1 минута", "bg", "1 минута"),
    # an ending the noun does not have after a 1; a counted noun's Ukrainian locative after a 2; 12
    ("1 недель, 12 странице, 11 ночь, 11-2 минуты.", "ru", "1 недель, 12 странице, 11 ночь, 11-2 минуты."),
    # a label's number, "номер один" (review r-fem: `№1 задача` was "одна задача", one problem; the sign is "номер",
    # review f-ru2)
    ("Задача №1 задача, № 2 школа.", "ru", "Задача номер 1 задача, номер 2 школа."),
    ("У 2 тонні, о 12 хвилині.", "uk", "У 2 тонні, о 12 хвилині."),
]  # fmt: skip


@readings(FEMININE)
def test_a_number_before_a_feminine_noun_ends_in_its_gender(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(FEMININE_STAYS)
def test_a_number_that_counts_no_feminine_noun_stays_digits(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A decimal said as people say it (eSpeak NG's Ukrainian voice read `2,5` "два п'ять", its Japanese `17.5` "jūshichi
#: go", its Russian `2.5` "два точка пять"), agreeing with its noun; more than three places digit by digit; a formula's
#: with a point (review f-ru2)
DECIMALS = [
    ("Дорога 2,5 км, рост 3,75 %, 1,5 млн пользователей, в 2.5 раза, 21,1 минуты, 0,05 и 3,14159.", "ru",
     "Дорога две целых 5 десятых километра, рост 3 целых 75 сотых процента, одна целая 5 десятых миллиона"
     " пользователей, в две целых 5 десятых раза, двадцать одна целая одна десятая минуты, 0 целых 5 сотых и 3 запятая"
     " 1 4 1 5 9."),
    ("Дорога 2,5 км, зростання 3,75 %, 1,5 млн користувачів, 12,2 і 2.5.", "uk",
     "Дорога дві цілих 5 десятих кілометра, зростання 3 цілих 75 сотих відсотка, одна ціла 5 десятих мільйона"
     " користувачів, 12 цілих дві десятих і дві цілих 5 десятих."),
    # after "от", "до", "около" the genitive ("от две целых" was said, the voice's digits in the nominative)
    ("От 1,1 до 21,25, около 0,5 л, с 1,5 до 2.", "ru",
     "От одной целой одной десятой до двадцати одной целой двадцати пяти сотых, около нуля целых пяти десятых литра,"
     " с одной целой пяти десятых до двух."),
    ("Від 1,1 до 2,5 л, близько 0,5.", "uk",
     "Від однієї цілої однієї десятої до двох цілих п'яти десятих літра, близько нуля цілих п'яти десятих."),
    ("価格は17.5で、3.14です。", "ja", "価格は17てん5で、3てん1 4です。"),
    ("Формула $x = 2,5$.", "uk", "Формула x equals two point five."),
]  # fmt: skip

#: Numbers with a point or a comma that are no decimal: versions, dates, a time, a list, a whole amount, an address;
#: a language this module has no words for. A time's point is a colon's (`native_clock`: the Russian voice said `в
#: 10.30` "десять точка тридцать")
DECIMALS_STAY = [
    ("Версия 2.5, Python 3.12, v2.5, 1.2.3, 15.05.2024, 15.05, в 10.30, 1,2,3 и 2,0.", "ru",
     "Версия 2.5, Python 3.12, v2.5, 1.2.3, 15 мая две тысячи двадцать четвёртого года, 15.05, в 10:30, 1,2,3 и 2,0."),
    ("Версія 2.5 о 10.30, Python 3.12.", "uk", "Версія 2.5 о 10 30, Python 3.12."),
    ("価格 Python 3.12。", "ja", "価格 Python 3.12。"),
    # Japanese groups thousands with a comma, which eSpeak NG reads ("issen nihyaku gojū"): "1てん2 5 0" was said,
    # one point two five zero (bug bash h-i18n)
    ("コミットは1,250件、価格は3.5と12,5です。", "ja", "コミットは1,250件、価格は3てん5と12,5です。"),
    ("Цена 17,5.", "bg", "Цена 17,5."),
]  # fmt: skip


@readings(DECIMALS)
def test_a_decimal_is_said_in_the_pages_words(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(DECIMALS_STAY)
def test_a_number_that_is_no_decimal_stays(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Signs and symbols around numbers in the page's words: English's table had said "minus", "about", "is approximately
#: equal to", "plus", "equals", "5 to 10", "twenty-four seven", and nothing for `№` (review f-ru2)
SYMBOLS = [
    ("Было -5, стало +3, ~5 км, ≈ 5 человек, 3 + 2 = 5, 5-10 человек, 24/7, № 5 и ±0,5.", "ru",
     "Было минус 5, стало плюс 3, примерно 5 километров, примерно 5 человек, 3 плюс 2 равно 5, от пяти до десяти"
     " человек, круглосуточно, номер 5 и плюс-минус 0 целых 5 десятых."),
    ("x ≥ 5, x < 7, 5 × 3, 1920×1080, 10 - 3, x ≈ 3,14, от 5–10 дней.", "ru",
     "x больше или равно 5, x меньше 7, 5 на 3, 1920 на 1080, 10 минус 3, x примерно равно 3 целых 14 сотых, от пяти"
     " до десяти дней."),
    ("Було -5, стало +3, ~5 км, ≈ 5 людей, 3 + 2 = 5, 5-10 людей, 24/7, № 5.", "uk",
     "Було мінус 5, стало плюс 3, приблизно 5 кілометрів, приблизно 5 людей, 3 плюс 2 дорівнює 5, від п'яти до"
     " десяти людей, цілодобово, номер 5."),
    ("x ≤ 5 і 5 × 3.", "uk", "x менше або дорівнює 5 і 5 на 3."),
    # a tolerance between two numbers ("plus or minus", English's, was said)
    ("Деталь 3 ± 0,2 мм, 10 ± 2 %.", "ru",
     "Деталь 3 плюс-минус 0 целых две десятых миллиметра, 10 плюс-минус 2 процента."),
    ("Деталь 3 ± 1 мм.", "uk", "Деталь 3 плюс-мінус 1 міліметр."),
]  # fmt: skip

#: What is no sign of a number: a score, a phone number, names, code, a formula, an address; English's and another
#: language's words as they were
SYMBOLS_STAY = [
    ("Счёт 3-2, тел. 123-45-67, A-5, COVID-19, C++, $x = 5-10$ и https://site.ru/?a=5-10.", "ru",
     "Счёт 3-2, тел. 123-45-67, A-5, COVID-19, C plus plus, x equals five minus ten и site.ru to 10."),
    ("Команда `x = 5`.", "ru", "Команда x equals 5."),
    # a tag's brackets are no comparison ("is less than b больше 5"), a standard's number no range of decimals ("от
    # две целых 105 тысячных до 95")
    ("Жирный <b>5</b> и <kbd>1</kbd>, ГОСТ 2.105-95 и ГОСТ Р 7.32-2001.", "ru",
     "Жирный 5 и 1, ГОСТ 2.105-95 и ГОСТ Р 7.32-2001."),
    ("Жирний <b>5</b>, ДСТУ 3.008-2015.", "uk", "Жирний 5, ДСТУ 3.008-2015."),
    ("It was -5, ~5 km, 5-10 people, 24/7.", "en", "It was minus 5, about 5 kilometers, 5 to 10 people, twenty-four"
     " seven."),
    ("17,5 и -5, 5-10 души", "bg", "17,5 и minus 5, 5 to 10 души"),
]  # fmt: skip


@readings(SYMBOLS)
def test_a_sign_or_a_symbol_by_a_number_is_said_in_the_pages_words(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(SYMBOLS_STAY)
def test_what_is_no_sign_of_a_number_stays(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Times, ISO dates, IP addresses, `π`, a bare degree sign and a formula of letters in the page's words: English's
#: table said "9 hundred to 18 hundred", "March 15th, 2024", "192 dot 168", "pi", "90 degrees", "a plus b"; the
#: Russian voice said `в 10.30` "десять точка тридцать", `Встреча 10.30` was a decimal, and the Ukrainian voice
#: said a time's colon ("дві крапки")
NATIVE_WORDS = [
    ("Работаем 9:00-18:00, обед 13:00 – 14:30, с 9:05 до 18:00, встреча в 9:30.", "ru",
     "Работаем с девяти до восемнадцати, обед с тринадцати до четырнадцати тридцати, с девяти ноль пяти до"
     " восемнадцати, встреча в 9:30."),
    ("Працюємо 9:00-18:00, зустріч о 9:30, з 10:00 до 24:00.", "uk",
     "Працюємо з дев'яти до вісімнадцяти, зустріч о 9 30, з десяти до двадцяти чотирьох."),
    # a range after "в" or "о" is said from its first time ("в с девяти" was said)
    ("В 9:00–18:00 и в 10:00-12:00.", "ru", "С девяти до восемнадцати и с десяти до двенадцати."),
    ("Працюємо о 9:00–18:00.", "uk", "Працюємо з дев'яти до вісімнадцяти."),
    ("Встреча 10.30, начало: 9.45.", "ru", "Встреча 10:30, начало: 9:45."),
    ("Зустріч 10.30.", "uk", "Зустріч 10 30."),
    # minutes that could be a month are a time's after "в" or "о", which no date follows
    ("Увидимся в 12.05, ночью 1:00–2:30.", "ru", "Увидимся в 12:05, ночью с одного до двух тридцати."),
    ("Зустріч о 10.05, о 1:30.", "uk", "Зустріч о 10 05, о 1 30."),
    # an hour of the clock before "годині" is its ordinal ("о п'ять годині" was said); 1 and 2 `feminine_numbers`'
    ("Зустрінемось о 5 годині, об 11 годині, о 12 годині, о 17 годині, о 2 годині.", "uk",
     "Зустрінемось о п'ятій годині, об одинадцятій годині, о дванадцятій годині, о сімнадцятій годині, о другій"
     " годині."),
    ("О 25 годині, до 5 години, на 5 годині.", "uk", "О 25 годині, до 5 години, на 5 годині."),
    ("Релиз 2024-03-15, адрес 192.168.0.1.", "ru",
     "Релиз 15 марта две тысячи двадцать четвёртого года, адрес 192 точка 168 точка 0 точка 1."),
    ("Реліз 2024-03-15, адреса 10.0.0.1.", "uk",
     "Реліз 15 березня дві тисячі двадцять четвертого року, адреса 10 крапка 0 крапка 0 крапка 1."),
    # a range of ISO dates with no space around its dash, as spaced ("March 1st, 2024 to March 31st, 2024" was said,
    # English's: review r-note)
    ("Период 2024-03-01–2024-03-31, спринт 2024-04-01—2024-04-14.", "ru",
     "Период 1 марта две тысячи двадцать четвёртого года – 31 марта две тысячи двадцать четвёртого года, спринт 1"
     " апреля две тысячи двадцать четвёртого года — 14 апреля две тысячи двадцать четвёртого года."),
    ("Період 2024-03-01–2024-03-31.", "uk",
     "Період 1 березня дві тисячі двадцять четвертого року – 31 березня дві тисячі двадцять четвертого року."),
    # a date as Russian and Ukrainian write one, with or without the year's abbreviation after it (eSpeak NG said
    # "пятнадцать точка ноль четыре точка две тысячи двадцать четыре": bug bash h-i18n); not a version's part, nor a
    # day a calendar lacks, and an ISO date's `г.` after it is said once
    ("Релиз 15.04.2024, с 01.09.2024 по 31.05.2025 г., до 2024-03-15 г.; v1.10.2020, 1.10.2020.1 и 31.02.2024.", "ru",
     "Релиз 15 апреля две тысячи двадцать четвёртого года, с 1 сентября две тысячи двадцать четвёртого года по 31 мая"
     " две тысячи двадцать пятого года, до 15 марта две тысячи двадцать четвёртого года; v1.10.2020, 1.10.2020.1 и"
     " 31.02.2024."),
    ("Реліз 15.04.2024 р.", "uk", "Реліз 15 квітня дві тисячі двадцять четвертого року."),
    # the year's word an author wrote after a date is said once ("…года года" was said: review r-i18n)
    ("Приказ от 15.04.2024 года и от 2024-03-15 года.", "ru",
     "Приказ от 15 апреля две тысячи двадцать четвёртого года и от 15 марта две тысячи двадцать четвёртого года."),
    ("Наказ від 15.04.2024 року.", "uk", "Наказ від 15 квітня дві тисячі двадцять четвертого року."),
    # ... nor a file's name or path, left as written (`logs/15 апреля … года.txt`, its slash read "or": review r-i18n)
    ("Лог logs/15.04.2024.txt и 15.04.2024.log.", "ru", "Лог logs/15.04.2024.txt и 15.04.2024.log."),
    # Japanese in kana, which every voice reads, the days with words of their own too (English's "April 15th, 2024" was
    # spelled letter by letter by eSpeak NG's Japanese voice: bug bash h-i18n); a range "から"; no day a calendar lacks,
    # nor a file's date
    ("2024-04-15の9:30に会いました。期間は2024-03-01–2024-03-24です。", "ja",
     "2024ねん4がつ15にちの9:30に会いました。期間は2024ねん3がつついたちから2024ねん3がつにじゅうよっかです。"),
    ("2024-02-30、backup-2024-03-15.tar。", "ja", "2024-02-30、backup-2024-03-15.tar。"),
    # a file's path as English's table leaves it (review r-i18n)
    ("ログは logs/2024-04-15.txt です。", "ja", "ログは logs/2024-04-15.txt です。"),
    ("Угол 90°, 21°, 2°, -5° и 2,5°; π ≈ 3,14, 2π; если x = y, то a + b и a − b.", "ru",
     "Угол 90 градусов, 21 градус, 2 градуса, минус 5 градусов и две целых 5 десятых градуса; пи примерно равно 3"
     " целых 14 сотых, 2 пи; если x равно y, то a плюс b и a минус b."),
    ("Кут 90°, 2°; π, a + b.", "uk", "Кут 90 градусів, 2 градуси; пі, a плюс b."),
    # `π` with a term's letters, their square or cube (English's "pi r squared", "two pi r" were said); in a word or a
    # formula as before
    ("Площадь πr², длина 2πr, объём πr²h, (πd); πrad и $\\pi r^2$.", "ru",
     "Площадь пи эр в квадрате, длина 2 пи эр, объём пи эр в квадрате аш, (пи дэ); pi r a d и pi r squared."),
    ("Площа πr², довжина 2πr, об'єм πR³.", "uk", "Площа пі ер у квадраті, довжина 2 пі ер, об'єм пі ер у кубі."),
    # ... and where the term goes on as a formula (`sin(πx)`, `πr^2`, `πd/4`, `4/3πr³`) as before, whole in English's
    # words: the page's letters made "sine пи икс )", "пи эр squared", "пи дэ/4", "4 over 3 пи эр в кубе" (review
    # r-small3)
    ("Это sin(πx), πr^2, πd/4 и V = 4/3πr³.", "ru",
     "Это sine of pi x, pi r squared, pi d over four и V равно four over three pi r cubed."),
    # ... and so is a formula in prose with `π`, a degree or a sum inside a call, a fraction or a power: the page's
    # words for one of its signs left it half read ("sine пи )", "tangent пи /4)", "(a плюс b squared", "sine
    # thirty градусов )"; fact check of stop 41); a sign beside one is the page's as before (`V = 4/3πr³`)
    ("Так sin(π), f(π), tan(π/4), cos(2π), π/2 и 2π/T.", "ru",
     "Так sine of pi, f of pi, tangent of pi over four, cosine of two pi, pi over two и two pi over T."),
    ("Также (a + b)^2, sin(x + y), f(a + b) и sin(30°).", "ru",
     "Также the quantity a plus b, squared, sine of x plus y, f of a plus b и sine of thirty degrees."),
    ("Отже sin(π), (a + b)^2 і sin(30°).", "uk",
     "Отже sine of pi, the quantity a plus b, squared і sine of thirty degrees."),
    ("Итого x = f(2) + 3.", "ru", "Итого x равно f of two плюс 3."),
    # a range of years alone is "с … по …" (English's "от 2024 до 2025" was said)
    ("Сезон 2024–2025. Проект (2019-2021), с 2020 по 2024.", "ru",
     "Сезон с две тысячи двадцать четвёртого по две тысячи двадцать пятый год. Проект (с две тысячи девятнадцатого по"
     " две тысячи двадцать первый год), с две тысячи двадцатого по две тысячи двадцать четвёртый год."),
    ("Сезон 2024–2025.", "uk", "Сезон з дві тисячі двадцять четвертого по дві тисячі двадцять п'ятий рік."),
    # ... its "с" not said twice where it is written ("с с две тысячи…" was said; f-spoken10), and after another
    # preposition that asks for the genitive both years in it ("До с две тысячи…" was said)
    ("Это было с 2024-2025 года, с 2024–2025 гг. и с 2024-2025.", "ru",
     "Это было с две тысячи двадцать четвёртого по две тысячи двадцать пятый год, с две тысячи двадцать четвёртого"
     " по две тысячи двадцать пятый год и с две тысячи двадцать четвёртого по две тысячи двадцать пятый год."),
    ("До 2024-2025 года, после 2020-2022 гг.", "ru",
     "До две тысячи двадцать четвёртого – две тысячи двадцать пятого года, после две тысячи двадцатого – две тысячи"
     " двадцать второго годов."),
    ("Це було з 2024-2025 року, до 2024-2025 року.", "uk",
     "Це було з дві тисячі двадцять четвертого по дві тисячі двадцять п'ятий рік, до дві тисячі двадцять четвертого"
     " – дві тисячі двадцять п'ятого року."),
    # ... and before 1800 where the words before it say years: "в" ("у"), "с … по"
    ("Правили в 1200–1250, с 1200 по 1250.", "ru",
     "Правили с тысяча двухсотого по тысяча двести пятидесятый год, с тысяча двухсотого по тысяча двести"
     " пятидесятый год."),
    ("Правили у 1200–1250.", "uk", "Правили з тисяча двохсотого по тисяча двісті п'ятдесятий рік."),
    # ... or filling a bracket, a life's or a reign's years (review r-spoken6: `Ломоносов (1711–1765)` was "от 1711 до
    # 1765")
    ("Ломоносов (1711–1765) основал университет.", "ru",
     "Ломоносов (с тысяча семьсот одиннадцатого по тысяча семьсот шестьдесят пятый год) основал университет."),
    ("Сковорода (1722–1794) мандрував.", "uk",
     "Сковорода (з тисяча сімсот двадцять другого по тисяча сімсот дев'яносто четвертий рік) мандрував."),
]  # fmt: skip

#: What is no time, date, address nor formula: a ratio, a score, a time with seconds, a month that is none, a
#: version of five parts, a decimal after another word or before "раза", a dash between words, a standard's number,
#: a range that is no years', code and formulas
NATIVE_WORDS_STAY = [
    ("Масштаб 1:50, счёт 2:1, 12:30:45, 2024-13-45, 1.2.3.4.5, в 2.50 раза, Москва - столица, C++.", "ru",
     "Масштаб 1:50, счёт 2:1, 12:30:45, 2024-13-45, 1.2.3.4.5, в 2.50 раза, Москва - столица, C plus"
     " plus."),
    ("Масштаб 1:50.", "uk", "Масштаб 1:50."),
    # a day and a month after a preposition (`до 15.04` was "до пятнадцати ноль четырёх"), a ratio after one (`до
    # 1:50` was "до одного пятидесяти") and a range of ratios, in the page's words
    ("Заявки до 15.04, занятия с 01.09, к 20.05, встреча 10.03; масштаб до 1:50, от 1:25 до 1:50.", "ru",
     "Заявки до 15.04, занятия с 01.09, к 20.05, встреча 10.03; масштаб до 1:50, от 1:25 до 1:50."),
    ("Масштабы 1:25–1:50.", "ru", "Масштабы от 1:25 до 1:50."),  # "1:25 to 1:50" was said
    # an amount with a point after "в" before its money's, percent's or unit's sign ("в 12:50 рублей" was said)
    ("Оценили в 12.50 ₽, разница в 12.45 см, ставка в 10.50%.", "ru",
     "Оценили в 12 рублей 50 копеек, разница в 12.45 сантиметра, ставка в 10.50 процента."),
    ("Заявки до 15.04, з 01.09, зустріч 10.03, масштаб до 1:50.", "uk",
     "Заявки до 15.04, з 01.09, зустріч 10.03, масштаб до 1:50."),
    ("ГОСТ 1983-2015, 1990-2000 рублей, 1800-2000, с 25:00, 2024-13-05.", "ru",
     "ГОСТ от 1983 до 2015, от тысячи девятисот девяноста до двух тысяч рублей, от 1800 до 2000, с 25:00,"
     " 2024-13-05."),
    # a range alone before 1800 with no word that says years is an amount (review: `Мощность 1200–1250.` was "с
    # тысяча двухсотого по тысяча двести пятидесятый год")
    ("Мощность 1200–1250. Вес 1790-1850.", "ru", "Мощность от 1200 до 1250. Вес от 1790 до 1850."),
    ("Потужність 1200–1250.", "uk", "Потужність від 1200 до 1250."),
    ("Команда `x = y + 1` и $a + b = c$ в 9:00.", "ru", "Команда x equals y plus 1 и a plus b equals c в 9:00."),
]  # fmt: skip


@readings(NATIVE_WORDS)
def test_a_time_a_date_an_address_and_a_formulas_signs_are_said_in_the_pages_words(
    line: str, language: str, said: str
) -> None:
    assert spoken_text(line, language) == said


@readings(NATIVE_WORDS_STAY)
def test_what_is_no_time_date_address_nor_formula_stays(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


def test_a_long_line_of_russian_units_and_abbreviations_is_read_in_linear_time() -> None:
    line = "в 2024 г. 5 км/ч, т. е. 21 °C и 45% и т. д. в г. Москве с 2020 по 2024 г. около 1200 г муки " * 30
    line += "21 минута, 2 2 2 1 1 1 одна на 21 странице на 1 ночь 1-2 недели " * 50
    assert reading_seconds(line[:5000], "ru") < 0.5, "a unit or an abbreviation is looked for again from each digit"


def test_a_long_line_of_decimals_and_signs_is_read_in_linear_time() -> None:
    line = "2,5 км, -5, ~5, ≈ 5, 5-10 человек, 24/7, № 5, 3 + 2 = 5, x ≥ 5, 1990-е, 3,14159, 15.05, 1.2.3.4 " * 60
    line += "1,1,1,1,1-1-1-1-1 2.2.2.2 " * 100
    for language in ("ru", "uk", "ja"):
        assert reading_seconds(line[:5000], language) < 0.5, "a decimal or a sign is looked for again from each digit"


def test_a_long_line_of_times_dates_addresses_and_figures_is_read_in_linear_time() -> None:
    line = "с 9:00-18:00, в 10.30, 9:30 2024-03-15 15.03.2024 г. 192.168.0.1 1.2.3.4.5 90° π a + b − c 2024–2025. " * 50
    line += "на рис. 3 и табл. 2, с рис. 1 от 2,5 до 3,5 " * 30
    line += "1:11:11:11 2.2.2.2.2 2024-2024-2024 1:50:1 1.1.2024.1.1.2024 " * 100
    for language in ("ru", "uk", "ja"):
        assert reading_seconds(line[:5000], language) < 0.5, "a time or an address is looked for again from each digit"


def test_a_long_line_of_clauses_sections_and_ranges_is_read_in_linear_time() -> None:
    """The clauses and sections listed after `пп.`, a figure's abbreviation after a list's comma and a range of years
    alone, each line on its own (review r-spoken6: they were added to the line above after its first 5,000
    characters, and never read)."""
    lines = (
        "См. пп. 1-3, 5, 7 и 9-11, из табл. 2, рис. 3, стр. 4, в пп. 3.1-3.4. Мощность 1200–1250. Данте (1265–1321). "
        * 60,
        "пп. 1-3" + ", 5" * 2000,
        "пп. 1.1-1.3" + ", 2.5" * 1500,
        "п. 3.2" + " и 3.5" * 1000,
    )
    for line in lines:
        for language in ("ru", "uk"):
            assert reading_seconds(line[:5000], language) < 0.5, "a list is looked for again from each of its numbers"
