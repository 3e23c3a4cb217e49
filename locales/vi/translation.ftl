# Vietnamese (vi). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Vietnamese public notices as far as that model knows them
# (requests in the polite "Vui lòng…" form), against CLDR's Vietnamese date
# pattern ("tháng 5 năm 2025"), and by translating every string back into
# English with the same model and comparing it with the English. No native
# speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Vietnamese name), disclaimer-accuracy and disclaimer-intro (the
# legal weight of the notice), report-privacy, and the developer-facing
# error-* messages, whose technical terms were kept in English.

disclaimer-heading = Về bản dịch máy
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = Trang này được dịch máy từ bản gốc tiếng Nhật bằng { $providers }. Vui lòng đọc các lưu ý sau trước khi sử dụng.
disclaimer-reviewed =
    { $reviewed ->
        [0] Chưa có đoạn nào của trang này được người dịch kiểm tra.
       *[other] Người dịch đã kiểm tra { $reviewed } trong số { $passages } đoạn của trang này.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = Lần dịch máy gần nhất: { $date }.
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = Về bản dịch này
disclaimer-intro-human = Trang này do người dịch dịch từ bản gốc tiếng Nhật: người dịch đã kiểm tra tất cả các đoạn.
disclaimer-text-only = Chỉ phần chữ trên trang này được dịch. Nội dung thể hiện bằng hình ảnh và đồ họa khác không được dịch.
disclaimer-accuracy = Vì đây là bản dịch tự động bằng máy nên có thể không phải lúc nào cũng chính xác.
disclaimer-speed = Các trang dịch có thể hiển thị chậm hơn một chút so với các trang tiếng Nhật.
disclaimer-authoritative = Bản gốc tiếng Nhật là bản chính thức của nội dung này.
disclaimer-original-link = Xem bản gốc tiếng Nhật

notice-translation-pending-heading = Đang chuẩn bị bản dịch
notice-translation-pending = Trang này chưa được dịch sang tiếng Việt. Bản gốc tiếng Nhật được hiển thị bên dưới.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = Trang này đang được dịch sang tiếng Việt. Hiện tại bản gốc tiếng Nhật được hiển thị; các đoạn đã dịch sẽ hiện ra ở đây khi sẵn sàng.

notice-partial-translation = Một số phần của trang này chưa được dịch và được hiển thị bằng tiếng Nhật.
notice-partial-pending = Một số đoạn vẫn đang được dịch nên tạm thời được hiển thị bằng tiếng Nhật; chúng sẽ hiện ra ở đây khi sẵn sàng.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Bản gốc tiếng Nhật và báo lỗi cho đoạn này
passage-original-label = Bản gốc tiếng Nhật
origin-machine = Dịch máy
origin-bundled = Bản dịch đã được kiểm tra
origin-translator = Do người dịch dịch
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (tiếng Nhật)
