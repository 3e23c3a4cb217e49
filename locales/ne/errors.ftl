# Nepali (ne). Error pages and the messages behind the stable error codes of the API.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Nepali public notices as far as that model knows them (the
# honorific "तपाईं" and requests ending in "-नुहोस्"), with Gregorian month
# names as Nepali writes them (जनवरी … डिसेम्बर) and ASCII digits, and by
# translating every string back into English with the same model and comparing
# it with the English. That model writes Nepali less well than the other
# languages here: treat every string as a draft. No native speaker has
# reviewed them yet.
#
# Most in need of a native speaker's review: all of them, and first site-name,
# disclaimer-intro, disclaimer-accuracy, disclaimer-authoritative, report-
# privacy and date-year-month (Gregorian months; many readers count in Bikram
# Sambat and write Devanagari digits).

error-not-found-title = पृष्ठ भेटिएन
error-not-found-body = तपाईंले खोज्नुभएको पृष्ठ भेटिएन। कृपया ठेगाना जाँच्नुहोस्।
error-unsupported-language = "{ $code }" समर्थित भाषा होइन। समर्थित भाषाहरू: { $supported }
error-bad-request-title = अनुरोध प्रक्रिया गर्न सकिएन
error-bad-request-body = अनुरोधमा त्रुटि छ।
error-payload-too-large = अनुरोध { $limit } भन्दा ठूलो छ, जुन यो सेवाले लिने अधिकतम सीमा हो।
error-method-not-allowed-title = यो काम गर्न अनुमति छैन
error-method-not-allowed-body = यो ठेगानाले यस विधिबाट गरिएका अनुरोधहरू स्वीकार गर्दैन।
error-internal-title = सर्भरमा त्रुटि भयो
error-internal-body = अस्थायी समस्या आयो। कृपया केही समयपछि फेरि प्रयास गर्नुहोस्।
error-back-home = गृहपृष्ठमा फर्कनुहोस्
error-invalid-request = अनुरोध मान्य छैन: { $detail }
error-unsupported-media-type = यो Content-Type समर्थित छैन। application/json वा text/html पठाउनुहोस्।
error-unauthorized = मान्य API कुञ्जी चाहिन्छ। यसलाई Authorization: Bearer वा X-Api-Key हेडरमा पठाउनुहोस्।
error-origin-not-allowed = यो API कुञ्जी यस origin बाट प्रयोग गर्न मिल्दैन।
error-rate-limited = धेरै अनुरोधहरू आए। Retry-After मा लेखिएका सेकेन्ड पर्खेर फेरि प्रयास गर्नुहोस्।
error-budget-exhausted = आजको अनुवादका लागि अक्षरको सीमा सकियो। Retry-After मा लेखिएका सेकेन्डपछि फेरि प्रयास गर्नुहोस्।
error-proxy-not-allowed = यो ठेगाना अनुवाद गर्न सकिँदैन: मन्त्रालयका आफ्नै साइटका पृष्ठहरू मात्र अनुवाद गरिन्छन्।
error-upstream-failed = मूल साइटमा पुग्न सकिएन वा त्यसले त्रुटि फर्कायो। कृपया केही समयपछि फेरि प्रयास गर्नुहोस्।
error-upstream-timeout = मूल साइटले समयमै जवाफ दिएन। कृपया केही समयपछि फेरि प्रयास गर्नुहोस्।
error-not-logged-in = पहिले लग इन गर्नुहोस्: अनुवादकको टोकन Authorization: Bearer हेडरमा पठाउनुहोस्, वा अनुवादकहरूको सम्पादकमा लग इन गर्नुहोस्।
error-forbidden = तपाईंलाई यो गर्ने अनुमति छैन: { $detail }
error-csrf-failed = यो फारम वा अनुरोधको म्याद सकियो वा यो सम्पादकबाट आएको होइन। पृष्ठ फेरि लोड गरेर प्रयास गर्नुहोस्।
error-version-conflict = यसबीचमा अरू कसैले यो अनुवाद परिवर्तन गर्नुभयो (अहिले संस्करण { $version })। फेरि लोड गर्नुहोस्, उहाँको परिवर्तन हेर्नुहोस् र फेरि सुरक्षित गर्नुहोस्।
error-precondition-required = अरूको परिवर्तन भुलवश मेटिन नदिन, तपाईंले परिवर्तन गरिरहनुभएको संस्करण If-Match हेडरमा पठाउनुहोस्।
error-qa-failed = अनुवाद सुरक्षित गरिएन: { $detail }
error-conflict = यो गर्न सकिँदैन: { $detail }
error-busy = डाटाबेस व्यस्त छ। केही पनि सुरक्षित भएको छैन; केही बेरपछि फेरि प्रयास गर्नुहोस्।

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = अनुवाद खाली छ; मेसिन अनुवादमा फर्कन "revert" प्रयोग गर्नुहोस्।
qa-missing-placeholder = { $placeholder } छैन। मूल पाठका सबै प्लेसहोल्डर राख्नुहोस्: { $detail }
qa-placeholder = प्लेसहोल्डरहरू मूल पाठसँग मिल्दैनन् ({ $detail })।
qa-missing-protected = जस्ताको तस्तै राख्नुपर्ने पाठ छैन: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = सेवाले केही पनि फर्काएन
qa-refused-token = जापानी पाठको एउटा मिति, अङ्क वा ठेगाना (प्लेसहोल्डर { $placeholder }) ठ्याक्कै एक पटक फर्केन
qa-refused-markup = मार्कअप जापानीमा जस्तै फर्केन: { $detail }
qa-refused-number-changed = अङ्क { $expected } बदलिएर { $found } भयो
qa-refused-number-missing = अङ्क { $expected } छैन
qa-refused-echo = सेवाले जापानी पाठ अनुवाद नगरी फर्कायो
qa-refused-script-kana = अनुवादमा जापानी बाँकी छ (“{ $sample }”)
qa-refused-script-missing = अनुवाद यस भाषाको लिपिमा लेखिएको छैन
qa-refused-script-chinese = अनुवादमा अर्को चिनियाँ लिपिका अक्षरहरू छन् ({ $found })
qa-refused-lost = कोष्ठकभित्रको पाठ { $phrase } छैन
qa-refused-length = अनुवाद जापानीभन्दा { $ratio } गुणा लामो छ, जुन { $min } देखि { $max } को दायराभन्दा बाहिर हो
qa-refused-batch = { $sources } फरक वाक्यहरू एउटै पाठका रूपमा फर्किए (“{ $output }”)
qa-refused-sentences = वाक्यहरू जापानी वाक्यभन्दा स्पष्ट रूपमा छोटा छैनन् (औसत { $found } अक्षर; जापानी { $expected })
