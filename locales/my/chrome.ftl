# Burmese (my). Page chrome: header, language switcher, breadcrumb, footer, the report form.
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

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = ကျန်းမာရေး၊ အလုပ်သမားနှင့် လူမှုဖူလုံရေးဝန်ကြီးဌာန
site-section = သတင်းထုတ်ပြန်ချက်များ
skip-to-content = အဓိကအကြောင်းအရာသို့ သွားရန်

switcher-label = ဘာသာစကား
switcher-title-ja = ဂျပန်
switcher-title-en = အင်္ဂလိပ်
switcher-title-zh-Hans = တရုတ် (ရိုးရှင်း)
switcher-title-zh-Hant = တရုတ် (ရိုးရာ)
switcher-title-ko = ကိုရီးယား
switcher-title-vi = ဗီယက်နမ်
switcher-title-fil = ဖိလစ်ပိုင်
switcher-title-pt-BR = ပေါ်တူဂီ (ဘရာဇီး)
switcher-title-ne = နီပေါ
switcher-title-id = အင်ဒိုနီးရှား
switcher-title-my = မြန်မာ
switcher-title-th = ထိုင်း
switcher-title-es = စပိန်
switcher-title-ja-x-easy = လွယ်ကူသော ဂျပန်

breadcrumb-label = သင်ရောက်ရှိနေသည့်နေရာ
breadcrumb-home = ပင်မစာမျက်နှာ
breadcrumb-press = သတင်းနှင့် ပြည်သူ့ဆက်ဆံရေး
breadcrumb-press-releases = သတင်းထုတ်ပြန်ချက်များ

# $year and $month are numbers, e.g. 2025 and 5.
# The Gregorian year with ခုနှစ် ("year"), then the month by name: "2025 ခုနှစ် မေ".
date-year-month = { $year } ခုနှစ် { $month ->
        [1] ဇန်နဝါရီ
        [2] ဖေဖော်ဝါရီ
        [3] မတ်
        [4] ဧပြီ
        [5] မေ
        [6] ဇွန်
        [7] ဇူလိုင်
        [8] ဩဂုတ်
        [9] စက်တင်ဘာ
        [10] အောက်တိုဘာ
        [11] နိုဝင်ဘာ
        [12] ဒီဇင်ဘာ
       *[other] { $month }
    }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $year } ခုနှစ် { $month ->
        [1] ဇန်နဝါရီ
        [2] ဖေဖော်ဝါရီ
        [3] မတ်
        [4] ဧပြီ
        [5] မေ
        [6] ဇွန်
        [7] ဇူလိုင်
        [8] ဩဂုတ်
        [9] စက်တင်ဘာ
        [10] အောက်တိုဘာ
        [11] နိုဝင်ဘာ
        [12] ဒီဇင်ဘာ
       *[other] { $month }
    } { $day } ရက်

page-published = ထုတ်ပြန်သည့်ရက်: { date-year-month }
page-bureau = တာဝန်ရှိဌာန: { $bureau }
contact-heading = ဆက်သွယ်ရန်

index-title = သတင်းထုတ်ပြန်ချက်များ
index-intro = ကျန်းမာရေး၊ အလုပ်သမားနှင့် လူမှုဖူလုံရေးဝန်ကြီးဌာန၏ သတင်းထုတ်ပြန်ချက်များ ဖြစ်သည်။ စာမျက်နှာတိုင်းကို မူရင်းဂျပန်ဘာသာဖြင့်လည်းကောင်း၊ ဘာသာစကားမီနူးရှိ ဘာသာစကားများသို့ ဘာသာပြန်ထားသည်ကိုလည်းကောင်း ဖတ်ရှုနိုင်ပါသည်။

footer-service = ဤဝဘ်ဆိုက်ကို honyaku ဘာသာပြန်ဝန်ဆောင်မှုက ပံ့ပိုးပေးပါသည်။
footer-original-note = ဘာသာပြန်ထားသော စာမျက်နှာများအတွက် မူရင်းဂျပန်ဘာသာသည် တရားဝင်မူ ဖြစ်ပါသည်။

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = ဘာသာပြန်ပြဿနာကို အကြောင်းကြားရန်
report-intro = ဤစာပိုဒ်၏ ဘာသာပြန်တွင် မည်သည့်အချက် မှားနေသည်ကို ပြောပြပါ။ အကြောင်းကြားချက်တိုင်းကို ဘာသာပြန်သူက ဖတ်ပါသည်။
report-original-label = မူရင်းဂျပန်ဘာသာ
report-translation-label = လက်ရှိဘာသာပြန်
report-message-label = မည်သည့်အချက် မှားနေသနည်း (စာလုံး { $max } လုံးအထိ)
report-privacy = ကိုယ်ရေးအချက်အလက်များ မထည့်ပါနှင့်။ အကြောင်းကြားသူနှင့် ပတ်သက်၍ မည်သည့်အချက်အလက်ကိုမျှ မှတ်တမ်းမတင်ပါ (IP လိပ်စာ၊ အမည်၊ အီးမေးလ်လိပ်စာ တစ်ခုမျှ မှတ်တမ်းမတင်ပါ)။
report-honeypot-label = ဤအကွက်ကို ဗလာထားပါ
report-submit = ပို့ရန်
report-back = စာပိုဒ်သို့ ပြန်သွားရန်
report-thanks-title = အကြောင်းကြားပေးသည့်အတွက် ကျေးဇူးတင်ပါသည်
report-thanks-body = အကြောင်းကြားချက်ကို လက်ခံရရှိပါပြီ။ ဘာသာပြန်သူက ဤစာပိုဒ်ကို စစ်ဆေးပါမည်။
report-thanks-your-message = သင်ရေးခဲ့သည့်အကြောင်းအရာ
report-error-empty = မပို့မီ ပြဿနာကို ရေးပါ။
report-error-too-long = သင့်စာတွင် စာလုံး { $count } လုံး ပါဝင်သည်။ စာလုံး { $max } လုံးအထိ တိုအောင် ပြင်ပါ။
report-error-control = သင့်စာတွင် လက်မခံနိုင်သော ထိန်းချုပ်အက္ခရာများ ပါဝင်နေသည်။ ၎င်းတို့ကို ဖယ်ရှားပြီး ထပ်ပို့ပါ။
report-rate-limited = အချိန်တိုအတွင်း အကြောင်းကြားချက် များစွာ ပို့ထားပါသည်။ { $minutes } မိနစ်ခန့် ကြာပြီးမှ ထပ်ကြိုးစားပါ။
