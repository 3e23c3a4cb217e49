# Burmese (my). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
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

disclaimer-heading = စက်ဘာသာပြန်အကြောင်း
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = ဤစာမျက်နှာကို မူရင်းဂျပန်ဘာသာမှ { $providers } ဖြင့် စက်ဖြင့် ဘာသာပြန်ထားပါသည်။ အသုံးမပြုမီ အောက်ပါအချက်များကို ဖတ်ပါ။
disclaimer-reviewed =
    { $reviewed ->
        [0] ဤစာမျက်နှာ၏ မည်သည့်စာပိုဒ်ကိုမျှ ဘာသာပြန်သူများ မစစ်ဆေးရသေးပါ။
       *[other] ဤစာမျက်နှာ၏ စာပိုဒ် { $passages } ပိုဒ်အနက် { $reviewed } ပိုဒ်ကို ဘာသာပြန်သူများ စစ်ဆေးပြီး ဖြစ်ပါသည်။
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = နောက်ဆုံး စက်ဘာသာပြန်သည့်ရက်: { $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = ဤဘာသာပြန်အကြောင်း
disclaimer-intro-human = ဤစာမျက်နှာကို မူရင်းဂျပန်ဘာသာမှ လူက ဘာသာပြန်ထားပါသည်။ စာပိုဒ်တိုင်းကို ဘာသာပြန်သူများ စစ်ဆေးပြီး ဖြစ်ပါသည်။
disclaimer-text-only = ဤစာမျက်နှာရှိ စာသားများကိုသာ ဘာသာပြန်ထားပါသည်။ ပုံများနှင့် အခြားဂရပ်ဖစ်များဖြင့် ဖော်ပြထားသော အကြောင်းအရာများကို ဘာသာမပြန်ပါ။
disclaimer-accuracy = စက်ဖြင့် အလိုအလျောက် ဘာသာပြန်ထားခြင်းဖြစ်၍ အမြဲတမ်း တိကျမှန်ကန်မည် မဟုတ်ပါ။
disclaimer-speed = ဘာသာပြန်ထားသော စာမျက်နှာများ ပေါ်လာရန် ဂျပန်ဘာသာ စာမျက်နှာများထက် အချိန်အနည်းငယ် ပိုကြာနိုင်ပါသည်။
disclaimer-authoritative = ဤအကြောင်းအရာ၏ တရားဝင်မူမှာ မူရင်းဂျပန်ဘာသာ ဖြစ်ပါသည်။
disclaimer-original-link = မူရင်းဂျပန်ဘာသာကို ကြည့်ရန်

notice-translation-pending-heading = ဘာသာပြန်ကို ပြင်ဆင်နေဆဲ ဖြစ်ပါသည်
notice-translation-pending = ဤစာမျက်နှာကို မြန်မာဘာသာသို့ မပြန်ရသေးပါ။ အောက်တွင် မူရင်းဂျပန်ဘာသာကို ပြထားပါသည်။
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = ဤစာမျက်နှာကို မြန်မာဘာသာသို့ ယခု ဘာသာပြန်နေပါသည်။ ယခုအတွက် မူရင်းဂျပန်ဘာသာကို ပြထားပြီး ဘာသာပြန်ပြီးသော စာပိုဒ်များကို အဆင်သင့်ဖြစ်သည်နှင့် ဤနေရာတွင် ပြပါမည်။

notice-partial-translation = ဤစာမျက်နှာ၏ အစိတ်အပိုင်းအချို့ကို မပြန်ရသေးသဖြင့် ဂျပန်ဘာသာဖြင့် ပြထားပါသည်။
notice-partial-pending = စာပိုဒ်အချို့ကို ဘာသာပြန်နေဆဲဖြစ်၍ ယခုအတွက် ဂျပန်ဘာသာဖြင့် ပြထားပါသည်။ အဆင်သင့်ဖြစ်သည်နှင့် ဤနေရာတွင် ပြပါမည်။
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = ဤစာပိုဒ်၏ မူရင်းဂျပန်ဘာသာနှင့် ပြဿနာအကြောင်းကြားရန်
passage-original-label = မူရင်းဂျပန်ဘာသာ
origin-machine = စက်ဘာသာပြန်
origin-bundled = စစ်ဆေးပြီးသော ဘာသာပြန်
origin-translator = ဘာသာပြန်သူ၏ ဘာသာပြန်
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (ဂျပန်ဘာသာ)
