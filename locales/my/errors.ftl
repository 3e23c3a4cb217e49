# Burmese (my). Error pages and the messages behind the stable error codes of the API.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; written in Unicode Myanmar
# script (never Zawgyi), checked against the conventions of Burmese public
# notices as far as that model knows them (the written style with sentence
# endings in "-သည်" and "-ပါသည်"), with Gregorian month names as Burmese
# writes them (ဇန်နဝါရီ … ဒီဇင်ဘာ) and ASCII digits, and by translating every
# string back into English with the same model and comparing it with the
# English. That model writes Burmese less well than the other languages here:
# treat every string as a draft. No native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: all of them, and first site-name,
# disclaimer-intro, disclaimer-accuracy, disclaimer-authoritative, report-
# privacy, date-year-month, and whether the formal written style suits web
# pages better than the spoken one.

error-not-found-title = စာမျက်နှာ မတွေ့ပါ
error-not-found-body = သင်ရှာနေသော စာမျက်နှာကို မတွေ့ပါ။ လိပ်စာကို စစ်ဆေးပါ။
error-unsupported-language = "{ $code }" သည် ပံ့ပိုးထားသော ဘာသာစကား မဟုတ်ပါ။ ပံ့ပိုးထားသော ဘာသာစကားများ: { $supported }
error-bad-request-title = တောင်းဆိုချက်ကို ဆောင်ရွက်၍ မရပါ
error-bad-request-body = တောင်းဆိုချက်တွင် အမှားပါဝင်သည်။
error-payload-too-large = တောင်းဆိုချက်သည် ဤဝန်ဆောင်မှုက လက်ခံနိုင်သော အများဆုံး { $limit } ထက် ကြီးနေသည်။
error-method-not-allowed-title = ဤလုပ်ဆောင်ချက်ကို ခွင့်မပြုပါ
error-method-not-allowed-body = ဤလိပ်စာသည် ဤနည်းလမ်းဖြင့် ပို့သော တောင်းဆိုချက်များကို လက်မခံပါ။
error-internal-title = ဆာဗာတွင် အမှားဖြစ်သွားသည်
error-internal-body = ယာယီပြဿနာ ဖြစ်နေသည်။ နောက်မှ ထပ်ကြိုးစားပါ။
error-back-home = ပင်မစာမျက်နှာသို့ ပြန်သွားရန်
error-invalid-request = တောင်းဆိုချက် မမှန်ကန်ပါ: { $detail }
error-unsupported-media-type = ဤ Content-Type ကို မပံ့ပိုးပါ။ application/json သို့မဟုတ် text/html ကို ပို့ပါ။
error-unauthorized = မှန်ကန်သော API ကီး လိုအပ်သည်။ Authorization: Bearer သို့မဟုတ် X-Api-Key header ဖြင့် ပို့ပါ။
error-origin-not-allowed = ဤ API ကီးကို ဤ origin မှ အသုံးပြု၍ မရပါ။
error-rate-limited = တောင်းဆိုချက် များလွန်းသည်။ Retry-After တွင် ပါသော စက္ကန့်အရေအတွက်အတိုင်း စောင့်ပြီး ထပ်ကြိုးစားပါ။
error-budget-exhausted = ယနေ့အတွက် ဘာသာပြန် စာလုံးအရေအတွက် ကန့်သတ်ချက် ကုန်သွားပြီ။ Retry-After တွင် ပါသော စက္ကန့်များ ကြာပြီးနောက် ထပ်ကြိုးစားပါ။
error-proxy-not-allowed = ဤလိပ်စာကို ဘာသာပြန်၍ မရပါ။ ဝန်ကြီးဌာန၏ ကိုယ်ပိုင်ဝဘ်ဆိုက် စာမျက်နှာများကိုသာ ဘာသာပြန်နိုင်သည်။
error-upstream-failed = မူရင်းဝဘ်ဆိုက်သို့ ဆက်သွယ်၍ မရပါ သို့မဟုတ် ၎င်းက အမှားပြန်ပို့သည်။ နောက်မှ ထပ်ကြိုးစားပါ။
error-upstream-timeout = မူရင်းဝဘ်ဆိုက်က အချိန်မီ မတုံ့ပြန်ပါ။ နောက်မှ ထပ်ကြိုးစားပါ။
error-not-logged-in = ဦးစွာ ဝင်ရောက်ပါ: ဘာသာပြန်သူ၏ တိုကင်ကို Authorization: Bearer header ဖြင့် ပို့ပါ သို့မဟုတ် ဘာသာပြန်သူများ၏ တည်းဖြတ်ကိရိယာသို့ ဝင်ရောက်ပါ။
error-forbidden = သင် ဤအရာကို လုပ်ခွင့်မရှိပါ: { $detail }
error-csrf-failed = ဤဖောင် သို့မဟုတ် တောင်းဆိုချက်သည် သက်တမ်းကုန်သွားပြီ သို့မဟုတ် တည်းဖြတ်ကိရိယာမှ လာခြင်း မဟုတ်ပါ။ စာမျက်နှာကို ပြန်ဖွင့်ပြီး ထပ်ကြိုးစားပါ။
error-version-conflict = ဤအတောအတွင်း အခြားသူတစ်ဦးက ဤဘာသာပြန်ကို ပြောင်းလဲထားသည် (ယခု ဗားရှင်း { $version })။ ပြန်ဖွင့်ပြီး ၎င်းတို့၏ ပြောင်းလဲမှုကို စစ်ဆေးကာ ထပ်သိမ်းပါ။
error-precondition-required = အခြားသူ၏ ပြောင်းလဲမှုကို မှားယွင်း၍ မဖျက်မိစေရန် သင်ပြင်နေသော ဗားရှင်းကို If-Match header ဖြင့် ပို့ပါ။
error-qa-failed = ဘာသာပြန်ကို မသိမ်းရသေးပါ: { $detail }
error-conflict = ဤအရာကို လုပ်၍ မရပါ: { $detail }
error-busy = ဒေတာဘေ့စ် အလုပ်များနေသည်။ ဘာမျှ မသိမ်းရသေးပါ။ ခဏအကြာတွင် ထပ်ကြိုးစားပါ။

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = ဘာသာပြန် ဗလာဖြစ်နေသည်။ စက်ဘာသာပြန်သို့ ပြန်သွားလိုပါက "revert" ကို သုံးပါ။
qa-missing-placeholder = { $placeholder } မပါပါ။ မူရင်း၏ placeholder အားလုံးကို ထားပါ: { $detail }
qa-placeholder = placeholder များသည် မူရင်းနှင့် မကိုက်ညီပါ ({ $detail })။
qa-missing-protected = ပြထားသည့်အတိုင်း အတိအကျ ထားရမည့် စာသား မပါပါ: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = ဝန်ဆောင်မှုက ဘာမျှ ပြန်မပို့ပါ
qa-refused-token = ဂျပန်မူရင်း၏ ရက်စွဲ၊ နံပါတ် သို့မဟုတ် လိပ်စာ တစ်ခု (placeholder { $placeholder }) သည် တစ်ကြိမ်တိတိ ပြန်မလာပါ
qa-refused-markup = markup သည် ဂျပန်မူရင်းကဲ့သို့ ပြန်မလာပါ: { $detail }
qa-refused-number-changed = နံပါတ် { $expected } သည် { $found } ဖြစ်သွားသည်
qa-refused-number-missing = နံပါတ် { $expected } မပါပါ
qa-refused-echo = ဝန်ဆောင်မှုက ဂျပန်ဘာသာကို ဘာသာမပြန်ဘဲ ပြန်ပို့သည်
qa-refused-script-kana = ဘာသာပြန်တွင် ဂျပန်ဘာသာ ကျန်နေသည် (“{ $sample }”)
qa-refused-script-missing = ဘာသာပြန်ကို ဤဘာသာစကား၏ အက္ခရာဖြင့် မရေးထားပါ
qa-refused-script-chinese = ဘာသာပြန်တွင် အခြားတရုတ်အက္ခရာစနစ်၏ စာလုံးများ ပါဝင်သည် ({ $found })
qa-refused-lost = ကွင်းအတွင်းရှိ စာသား { $phrase } မပါပါ
qa-refused-length = ဘာသာပြန်သည် ဂျပန်ဘာသာထက် { $ratio } ဆ ရှည်ပြီး { $min } မှ { $max } အတွင်း မရှိပါ
qa-refused-batch = မတူညီသော ဝါကျ { $sources } ကြောင်းသည် တူညီသော စာသားအဖြစ် ပြန်လာသည် (“{ $output }”)
qa-refused-sentences = ဝါကျများသည် ဂျပန်ဝါကျများထက် သိသိသာသာ မတိုပါ (ပျမ်းမျှ စာလုံး { $found } လုံး၊ ဂျပန် { $expected } လုံး)
