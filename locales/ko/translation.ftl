# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own "language switch" service.

disclaimer-heading = 자동 번역 안내
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = 이 페이지는 일본어 원문을 { $providers }(으)로 기계 번역한 것입니다. 아래 내용을 양해하신 후 이용해 주십시오.
disclaimer-reviewed =
    { $reviewed ->
        [0] 이 페이지의 단락은 아직 번역자가 검수하지 않았습니다.
       *[other] 이 페이지의 전체 { $passages }개 단락 중 { $reviewed }개를 번역자가 검수했습니다.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = 마지막 기계 번역일: { $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = 번역 안내
disclaimer-intro-human = 이 페이지는 일본어 원문을 사람이 번역한 것입니다. 모든 단락을 번역자가 검수했습니다.
disclaimer-text-only = 번역 대상은 페이지에 기재된 문자 정보입니다. 이미지 등으로 표현된 내용은 번역되지 않습니다.
disclaimer-accuracy = 기계 자동 번역이므로 번역 내용이 반드시 정확하다고는 할 수 없습니다.
disclaimer-speed = 번역 페이지는 일본어 페이지에 비해 표시되는 데 시간이 다소 더 걸릴 수 있습니다.
disclaimer-authoritative = 내용의 공식 기준은 일본어 원문입니다.
disclaimer-original-link = 일본어 원문 보기

notice-translation-pending-heading = 번역 준비 중
notice-translation-pending = 이 페이지는 아직 한국어로 번역되지 않았습니다. 아래에 일본어 원문을 표시합니다.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = 이 페이지는 지금 한국어로 번역하고 있습니다. 지금은 일본어 원문을 표시하며, 번역이 끝난 단락부터 차례로 표시됩니다.

notice-partial-translation = 이 페이지의 일부는 아직 번역되지 않아 일본어 원문으로 표시합니다.
notice-partial-pending = 일부 단락은 번역 중이어서 지금은 일본어로 표시합니다. 번역이 끝나는 대로 표시됩니다.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = 이 단락의 원문과 번역 문제 신고
passage-original-label = 일본어 원문
origin-machine = 기계 번역
origin-bundled = 검수된 번역
origin-translator = 번역자가 번역함
# honyaku가 번역하지 않는 문서(PDF, 이미지, 다른 사이트의 페이지)로 가는 링크 뒤에 붙는 표시.
link-japanese-only = (일본어)
