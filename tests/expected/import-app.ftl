# Строки приложения.

## Приветствия

-brand = Акме

# Комментарий переводчика остаётся на месте.
greeting = Здравствуйте, { $user }!
    .title = Приветствие

files =
    { $count ->
        [one] { $count } файл
        [few] { $count } файла
        [many] { $count } файлов
       *[other] { $count } файла
    }

about = О { -brand }
    .tooltip = Подробнее
    .label = О программе

multi =
    Первая строка
    вторая строка

formula = =СУММ(A1:A3) — это формула

later = Позже

old = Устаревшее
last = Последнее
