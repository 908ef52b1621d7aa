# statusdb interface strings: headings, labels and the templates that join
# two codes on a pair page. Keep the placeables ({ $a } and friends) as they are.

## Headings of a pair page

heading-description = Description
heading-seen-when = When you see this
heading-how-to-fix = How to fix
heading-key-differences = Key differences
heading-use-when = When to use which

## Aspects on which two codes can differ, and their values

aspect-class = Class
aspect-registry-status = Registry status
aspect-cacheable = Cacheable by default
aspect-typical-headers = Typical headers
aspect-action-by = Who has to act
aspect-vendor = Vendor
aspect-delivery = Reaches the client
registry-status-standard = Registered (IANA)
registry-status-provisional = Provisionally registered (IANA)
registry-status-unused = Reserved, unused
registry-status-deprecated = Deprecated
registry-status-obsoleted = Obsoleted
registry-status-unofficial = Unofficial (not in the IANA registry)
cacheable-yes = Yes
cacheable-no = No
# Shown when a code has no typical header fields.
headers-none = None
action-by-client = The client
action-by-server = The server
action-by-none = Nobody
# Shown for codes that no single vendor defines (every registered code).
vendor-none = None
delivery-sent = Yes
delivery-logged = No, only written to a log
delivery-internal = No, the client gets another code
delivery-reserved = No, a reserved number

## Status classes: the name, the phrase for one code ("is a 4xx Client
## Error response"), and the phrase for two codes of the same class.

class-1xx = 1xx Informational
class-1xx-one = a 1xx Informational response
class-1xx-both = 1xx Informational responses
class-2xx = 2xx Successful
class-2xx-one = a 2xx Successful response
class-2xx-both = 2xx Successful responses
class-3xx = 3xx Redirection
class-3xx-one = a 3xx Redirection response
class-3xx-both = 3xx Redirection responses
class-4xx = 4xx Client Error
class-4xx-one = a 4xx Client Error response
class-4xx-both = 4xx Client Error responses
class-5xx = 5xx Server Error
class-5xx-one = a 5xx Server Error response
class-5xx-both = 5xx Server Error responses

## How a summary names a code that never reaches the client, in place of
## its class-*-one phrase.

delivery-logged-one = a code that is only written to a log and never reaches the client
delivery-internal-one = a code used inside a server, which sends the client another status instead
delivery-reserved-one = a reserved number that no server should send

## Pair page templates. $a and $b are the two codes with their reason
## phrases ("202 Accepted"); $a-class and $b-class are their class-*-one
## phrases; $class is the class-*-both phrase when both share a class.

pair-title = HTTP { $a } vs { $b }
pair-summary-different = { $a } is { $a-class }, while { $b } is { $b-class }.
pair-summary-same = { $a } and { $b } are both { $class }.
# Both codes never reach the client, for the same reason.
pair-summary-same-logged = { $a } and { $b } never reach the client: each is only written to a log.
pair-summary-same-internal = { $a } and { $b } never reach the client as such: each is used inside a server, which sends the client another status.
pair-summary-same-reserved = { $a } and { $b } are reserved numbers that no server should send.
# Introduces the list of aspects when the two codes differ in none of them.
pair-same-aspects = The two codes agree on every aspect listed here:
