package io.stampede.convert;

/**
 * A secret seen in a recorded request.
 *
 * @param field the name it was sent under (a JSON field, a parameter, a cookie, "token" for a bearer token)
 * @param raw the value as it is written in the request (percent-encoded in a URL)
 * @param value the value itself, compared with what earlier responses held
 * @param where where in the request, for the comment ("the Authorization header", "the JSON body")
 */
record Found(String field, String raw, String value, String where) {
}
