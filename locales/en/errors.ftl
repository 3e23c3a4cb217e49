# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = Page not found
error-not-found-body = The page you are looking for could not be found. Please check the address.
error-unsupported-language = "{ $code }" is not a supported language. Supported languages: { $supported }
error-bad-request-title = The request could not be processed
error-bad-request-body = The request contains an error.
error-payload-too-large = The request is larger than { $limit }, the most this service accepts.
error-method-not-allowed-title = This operation is not allowed
error-method-not-allowed-body = This address does not accept requests made with this method.
error-internal-title = A server error has occurred
error-internal-body = A temporary problem has occurred. Please try again later.
error-back-home = Return to the home page
error-invalid-request = The request is not valid: { $detail }
error-unsupported-media-type = This Content-Type is not supported. Send application/json or text/html.
error-unauthorized = A valid API key is required. Send it in an Authorization: Bearer or X-Api-Key header.
error-origin-not-allowed = This API key may not be used from this origin.
error-rate-limited = Too many requests. Wait the number of seconds in Retry-After, then try again.
error-budget-exhausted = Today's character budget for translation is spent. Try again after the number of seconds in Retry-After.
error-proxy-not-allowed = This address cannot be translated: only pages of the ministry's own sites are.
error-upstream-failed = The original site could not be reached or answered with an error. Please try again later.
error-upstream-timeout = The original site did not answer in time. Please try again later.
error-not-logged-in = Log in first: send a translator token in an Authorization: Bearer header, or log in to the translators' editor.
error-forbidden = You may not do this: { $detail }
error-csrf-failed = This form or request has expired or did not come from the editor. Reload the page and try again.
error-version-conflict = Someone else changed this translation in the meantime (it is now at version { $version }). Reload it, check their change, then save again.
error-precondition-required = Send the version you are changing in an If-Match header, so that nobody's change is overwritten by mistake.
error-qa-failed = The translation was not saved: { $detail }
error-conflict = This cannot be done: { $detail }
error-busy = The database is busy. Nothing was saved; try again in a moment.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = the translation is empty; to go back to the machine translation, revert instead.
qa-missing-placeholder = { $placeholder } is missing. Keep every placeholder of the original: { $detail }
qa-placeholder = the placeholders do not match the original ({ $detail }).
qa-missing-protected = text that must stay exactly as shown is missing: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = the provider returned nothing
qa-refused-token = a date, number or address of the Japanese (placeholder { $placeholder }) did not come back exactly once
qa-refused-markup = the markup did not come back as in the Japanese: { $detail }
qa-refused-number-changed = number { $expected } became { $found }
qa-refused-number-missing = number { $expected } is missing
qa-refused-echo = the provider sent the Japanese back untranslated
qa-refused-script-kana = Japanese was left in the translation (“{ $sample }”)
qa-refused-script-missing = the translation is not written in this language's script
qa-refused-script-chinese = the translation uses characters of the other Chinese script ({ $found })
qa-refused-lost = the bracketed text { $phrase } is missing
qa-refused-length = the translation is { $ratio } times as long as the Japanese, outside { $min } to { $max }
qa-refused-batch = { $sources } different sentences came back as the same text (“{ $output }”)
qa-refused-sentences = the sentences are not clearly shorter than the Japanese ones ({ $found } characters on average, the Japanese { $expected })
