# Nepali (ne). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
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

disclaimer-heading = मेसिन अनुवादबारे
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = यो पृष्ठ मूल जापानी पाठबाट { $providers } द्वारा मेसिनले अनुवाद गरिएको हो। प्रयोग गर्नुअघि तलका कुराहरू पढ्नुहोस्।
disclaimer-reviewed =
    { $reviewed ->
        [0] यस पृष्ठको कुनै पनि अंश अहिलेसम्म अनुवादकले जाँचेका छैनन्।
       *[other] अनुवादकहरूले यस पृष्ठका { $passages } अंशमध्ये { $reviewed } अंश जाँचेका छन्।
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = अन्तिम पटक मेसिनले अनुवाद गरेको मिति: { $date }।
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = यस अनुवादबारे
disclaimer-intro-human = यो पृष्ठ मूल जापानी पाठबाट मानिसहरूले अनुवाद गरेका हुन्: अनुवादकहरूले हरेक अंश जाँचेका छन्।
disclaimer-text-only = यस पृष्ठको पाठ मात्र अनुवाद गरिएको हो। तस्बिर र अन्य ग्राफिक्समा देखाइएका कुराहरू अनुवाद गरिएका छैनन्।
disclaimer-accuracy = यो मेसिनले गरेको स्वचालित अनुवाद भएकाले सधैं सही नहुन सक्छ।
disclaimer-speed = अनुवाद गरिएका पृष्ठहरू खुल्न जापानी पृष्ठहरूभन्दा अलि बढी समय लाग्न सक्छ।
disclaimer-authoritative = यस सामग्रीको आधिकारिक संस्करण मूल जापानी पाठ नै हो।
disclaimer-original-link = मूल जापानी पाठ हेर्नुहोस्

notice-translation-pending-heading = अनुवाद तयार हुँदैछ
notice-translation-pending = यो पृष्ठ अहिलेसम्म नेपालीमा अनुवाद भएको छैन। तल मूल जापानी पाठ देखाइएको छ।
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = यो पृष्ठ अहिले नेपालीमा अनुवाद हुँदैछ। अहिलेलाई मूल जापानी पाठ देखाइएको छ; अनुवाद भएका अंशहरू तयार हुँदै जाँदा यहाँ देखिनेछन्।

notice-partial-translation = यस पृष्ठका केही भाग अझै अनुवाद भएका छैनन् र जापानीमै देखाइएका छन्।
notice-partial-pending = केही अंशहरू अझै अनुवाद हुँदैछन् र अहिलेलाई जापानीमा देखाइएका छन्; तयार भएपछि यहाँ देखिनेछन्।
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = यस अंशको मूल जापानी पाठ र समस्याको जानकारी
passage-original-label = मूल जापानी पाठ
origin-machine = मेसिन अनुवाद
origin-bundled = जाँचिएको अनुवाद
origin-translator = अनुवादकले गरेको अनुवाद
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (जापानी भाषामा)
