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
aspect-action-by = Кто должен действовать
aspect-vendor = Производитель
aspect-delivery = Доходит до клиента
registry-status-standard = зарегистрирован (реестр IANA)
registry-status-provisional = зарегистрирован временно (реестр IANA)
registry-status-unused = зарезервирован, не используется
registry-status-deprecated = объявлен устаревшим
registry-status-obsoleted = упразднён
registry-status-unofficial = неофициальный (нет в реестре IANA)
cacheable-yes = да
cacheable-no = нет
headers-none = нет
action-by-client = клиент
action-by-server = сервер
action-by-none = никто
vendor-none = нет
delivery-sent = да
delivery-logged = нет, только записывается в журнал
delivery-internal = нет, клиент получает другой код
delivery-reserved = нет, номер зарезервирован

## Классы ответов. Термин -class-name-NNN даёт название класса в единственном
## числе («202 Accepted — успешный ответ») и во множественном
## («… относятся к одному классу — успешные ответы»).

-class-name-1xx =
    { $number ->
       *[singular] информационный ответ
        [plural] информационные ответы
    }
-class-name-2xx =
    { $number ->
       *[singular] успешный ответ
        [plural] успешные ответы
    }
-class-name-3xx =
    { $number ->
       *[singular] перенаправление
        [plural] перенаправления
    }
-class-name-4xx =
    { $number ->
       *[singular] ошибка клиента
        [plural] ошибки клиента
    }
-class-name-5xx =
    { $number ->
       *[singular] ошибка сервера
        [plural] ошибки сервера
    }

class-1xx = { -class-name-1xx } (1xx)
class-1xx-one = { -class-name-1xx } (1xx)
class-1xx-both = { -class-name-1xx(number: "plural") } (1xx)
class-2xx = { -class-name-2xx } (2xx)
class-2xx-one = { -class-name-2xx } (2xx)
class-2xx-both = { -class-name-2xx(number: "plural") } (2xx)
class-3xx = { -class-name-3xx } (3xx)
class-3xx-one = { -class-name-3xx } (3xx)
class-3xx-both = { -class-name-3xx(number: "plural") } (3xx)
class-4xx = { -class-name-4xx } (4xx)
class-4xx-one = { -class-name-4xx } (4xx)
class-4xx-both = { -class-name-4xx(number: "plural") } (4xx)
class-5xx = { -class-name-5xx } (5xx)
class-5xx-one = { -class-name-5xx } (5xx)
class-5xx-both = { -class-name-5xx(number: "plural") } (5xx)

## Как сводка называет код, который не доходит до клиента, вместо
## фразы class-*-one.

delivery-logged-one = код, который только записывается в журнал и до клиента не доходит
delivery-internal-one = внутренний код сервера, вместо которого клиент получает другой
delivery-reserved-one = зарезервированный номер, который серверы не должны отправлять

## Шаблоны страницы сравнения: $a и $b — коды с фразой состояния
## («202 Accepted»), $a-class и $b-class — фразы class-*-one,
## $class — фраза class-*-both, когда класс у кодов общий.

pair-title = HTTP { $a } и { $b }: в чём разница
pair-summary-different = { $a } — { $a-class }, а { $b } — { $b-class }.
pair-summary-same = { $a } и { $b } относятся к одному классу — { $class }.
pair-summary-same-logged = { $a } и { $b } до клиента не доходят: оба кода только записываются в журнал.
pair-summary-same-internal = { $a } и { $b } до клиента не доходят: это внутренние коды сервера, а клиент получает другой статус.
pair-summary-same-reserved = { $a } и { $b } — зарезервированные номера, которые серверы не должны отправлять.
pair-same-aspects = По всем перечисленным признакам коды совпадают:
