# Строки интерфейса statusdb: заголовки, подписи и шаблоны, которые
# связывают два кода на странице сравнения.

## Заголовки страницы сравнения

heading-description = Описание
heading-seen-when = Когда вы это видите
heading-how-to-fix = Как исправить
heading-key-differences = Ключевые различия
heading-use-when = Когда что использовать

## Чем могут различаться два кода, и значения

aspect-class = Класс
aspect-registry-status = Статус в реестре
aspect-cacheable = Кешируется по умолчанию
aspect-typical-headers = Типичные заголовки
aspect-action-by = Кому действовать
registry-status-standard = Стандартный (реестр IANA)
registry-status-provisional = Временный (реестр IANA)
registry-status-unused = Зарезервирован, не используется
registry-status-deprecated = Устаревший
registry-status-obsoleted = Упразднён
registry-status-unofficial = Неофициальный (код отдельного продукта)
cacheable-yes = Да
cacheable-no = Нет
headers-none = Нет
action-by-client = Клиенту
action-by-server = Серверу
action-by-none = Никому

## Классы ответов. Термины склоняются: именительный падеж нужен во фразе
## «202 Accepted — успешный ответ», винительный — в «оба означают ошибку клиента».

-class-phrase-1xx =
    { $case ->
       *[nominative] информационный ответ
        [accusative] информационный ответ
    }
-class-phrase-2xx =
    { $case ->
       *[nominative] успешный ответ
        [accusative] успешный ответ
    }
-class-phrase-3xx =
    { $case ->
       *[nominative] перенаправление
        [accusative] перенаправление
    }
-class-phrase-4xx =
    { $case ->
       *[nominative] ошибка клиента
        [accusative] ошибку клиента
    }
-class-phrase-5xx =
    { $case ->
       *[nominative] ошибка сервера
        [accusative] ошибку сервера
    }

class-1xx = 1xx: информационный ответ
class-1xx-one = { -class-phrase-1xx } (1xx)
class-1xx-both = { -class-phrase-1xx(case: "accusative") } (1xx)
class-2xx = 2xx: успешный ответ
class-2xx-one = { -class-phrase-2xx } (2xx)
class-2xx-both = { -class-phrase-2xx(case: "accusative") } (2xx)
class-3xx = 3xx: перенаправление
class-3xx-one = { -class-phrase-3xx } (3xx)
class-3xx-both = { -class-phrase-3xx(case: "accusative") } (3xx)
class-4xx = 4xx: ошибка клиента
class-4xx-one = { -class-phrase-4xx } (4xx)
class-4xx-both = { -class-phrase-4xx(case: "accusative") } (4xx)
class-5xx = 5xx: ошибка сервера
class-5xx-one = { -class-phrase-5xx } (5xx)
class-5xx-both = { -class-phrase-5xx(case: "accusative") } (5xx)

## Шаблоны страницы сравнения: $a и $b — коды с фразой состояния
## («202 Accepted»), $a-class и $b-class — фразы class-*-one,
## $class — фраза class-*-both, когда класс у кодов общий.

pair-title = HTTP { $a } и { $b }: в чём разница
pair-summary-different = { $a } — { $a-class }, а { $b } — { $b-class }.
pair-summary-same = { $a } и { $b } — коды одного класса: оба означают { $class }.
