# Filipino (fil). Error pages and the messages behind the stable error codes of the API.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Filipino public notices as far as that model knows them (a
# neutral register without "po"; English loanwords such as "email" and "IP
# address" kept, as written Filipino commonly keeps them), against CLDR's
# Filipino month names (Enero … Disyembre), and by translating every string
# back into English with the same model and comparing it with the English. No
# native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name, whether readers expect
# "Japanese" or "Hapon" for the language (CLDR writes "Japanese"), disclaimer-
# accuracy and disclaimer-intro, report-privacy, and date-year-month (Spanish-
# derived month names; many readers write English ones).

error-not-found-title = Hindi makita ang pahina
error-not-found-body = Hindi makita ang pahinang hinahanap mo. Pakisuri ang address.
error-unsupported-language = Hindi sinusuportahang wika ang "{ $code }". Mga sinusuportahang wika: { $supported }
error-bad-request-title = Hindi maproseso ang kahilingan
error-bad-request-body = May mali sa kahilingan.
error-payload-too-large = Mas malaki ang kahilingan kaysa sa { $limit }, ang pinakamalaking tinatanggap ng serbisyong ito.
error-method-not-allowed-title = Hindi pinapayagan ang operasyong ito
error-method-not-allowed-body = Hindi tumatanggap ang address na ito ng mga kahilingang ginawa sa paraang ito.
error-internal-title = Nagkaroon ng error sa server
error-internal-body = Nagkaroon ng pansamantalang problema. Pakisubukang muli mamaya.
error-back-home = Bumalik sa home page
error-invalid-request = Hindi wasto ang kahilingan: { $detail }
error-unsupported-media-type = Hindi sinusuportahan ang Content-Type na ito. Magpadala ng application/json o text/html.
error-unauthorized = Kailangan ng wastong API key. Ipadala ito sa header na Authorization: Bearer o X-Api-Key.
error-origin-not-allowed = Hindi magagamit ang API key na ito mula sa origin na ito.
error-rate-limited = Masyadong maraming kahilingan. Maghintay ng bilang ng segundong nasa Retry-After, saka subukang muli.
error-budget-exhausted = Ubos na ang budget ng mga character para sa pagsasalin ngayong araw. Subukang muli pagkalipas ng bilang ng segundong nasa Retry-After.
error-proxy-not-allowed = Hindi maisasalin ang address na ito: ang mga pahina lamang ng sariling mga site ng ministeryo ang maisasalin.
error-upstream-failed = Hindi maabot ang orihinal na site o sumagot ito ng error. Pakisubukang muli mamaya.
error-upstream-timeout = Hindi sumagot sa oras ang orihinal na site. Pakisubukang muli mamaya.
error-not-logged-in = Mag-log in muna: magpadala ng token ng tagasalin sa header na Authorization: Bearer, o mag-log in sa editor ng mga tagasalin.
error-forbidden = Hindi mo ito maaaring gawin: { $detail }
error-csrf-failed = Nag-expire na ang form o kahilingang ito, o hindi ito nanggaling sa editor. I-reload ang pahina at subukang muli.
error-version-conflict = May ibang nagbago sa saling ito habang nag-e-edit ka (nasa bersyon { $version } na ito). I-reload ito, tingnan ang pagbabago nila, saka i-save muli.
error-precondition-required = Ipadala sa header na If-Match ang bersyong binabago mo, para walang pagbabagong ma-overwrite nang hindi sinasadya.
error-qa-failed = Hindi na-save ang salin: { $detail }
error-conflict = Hindi ito magagawa: { $detail }
error-busy = Abala ang database. Walang na-save; subukang muli maya-maya.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = walang laman ang salin; para bumalik sa salin ng makina, gamitin ang "revert".
qa-missing-placeholder = Nawawala ang { $placeholder }. Panatilihin ang bawat placeholder ng orihinal: { $detail }
qa-placeholder = hindi tugma sa orihinal ang mga placeholder ({ $detail }).
qa-missing-protected = nawawala ang tekstong dapat manatiling eksaktong gaya ng ipinapakita: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = walang ibinalik ang provider
qa-refused-token = isang petsa, numero o address ng Japanese (placeholder { $placeholder }) ang hindi bumalik nang eksaktong isang beses
qa-refused-markup = hindi bumalik ang markup gaya ng nasa Japanese: { $detail }
qa-refused-number-changed = naging { $found } ang numerong { $expected }
qa-refused-number-missing = nawawala ang numerong { $expected }
qa-refused-echo = ibinalik ng provider ang Japanese nang hindi isinasalin
qa-refused-script-kana = may naiwang Japanese sa salin (“{ $sample }”)
qa-refused-script-missing = hindi nakasulat ang salin sa sulat ng wikang ito
qa-refused-script-chinese = gumagamit ang salin ng mga character ng kabilang sulat na Chinese ({ $found })
qa-refused-lost = nawawala ang tekstong nasa panaklong na { $phrase }
qa-refused-length = { $ratio } beses ng haba ng Japanese ang salin, labas sa { $min } hanggang { $max }
qa-refused-batch = { $sources } magkakaibang pangungusap ang bumalik bilang iisang teksto (“{ $output }”)
qa-refused-sentences = hindi malinaw na mas maikli ang mga pangungusap kaysa sa Japanese (karaniwang { $found } na character; ang Japanese, { $expected })
