# Vietnamese (vi). Page chrome: header, language switcher, breadcrumb, footer, the report form.
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

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = Bộ Y tế, Lao động và Phúc lợi
site-section = Thông cáo báo chí
skip-to-content = Chuyển đến nội dung chính

switcher-label = Ngôn ngữ
switcher-title-ja = Tiếng Nhật
switcher-title-en = Tiếng Anh
switcher-title-zh-Hans = Tiếng Trung (giản thể)
switcher-title-zh-Hant = Tiếng Trung (phồn thể)
switcher-title-ko = Tiếng Hàn
switcher-title-vi = Tiếng Việt
switcher-title-fil = Tiếng Philippines
switcher-title-pt-BR = Tiếng Bồ Đào Nha (Brazil)
switcher-title-ne = Tiếng Nepal
switcher-title-id = Tiếng Indonesia
switcher-title-my = Tiếng Miến Điện
switcher-title-th = Tiếng Thái
switcher-title-es = Tiếng Tây Ban Nha
switcher-title-ja-x-easy = Tiếng Nhật dễ hiểu

breadcrumb-label = Vị trí hiện tại
breadcrumb-home = Trang chủ
breadcrumb-press = Tin tức và quan hệ công chúng
breadcrumb-press-releases = Thông cáo báo chí

# $year and $month are numbers, e.g. 2025 and 5.
# Vietnamese names months by number: "tháng 5 năm 2025".
date-year-month = tháng { $month } năm { $year }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = ngày { $day } tháng { $month } năm { $year }

page-published = Ngày công bố: { date-year-month }
page-bureau = Đơn vị phụ trách: { $bureau }
contact-heading = Liên hệ

index-title = Thông cáo báo chí
index-intro = Thông cáo báo chí của Bộ Y tế, Lao động và Phúc lợi. Mỗi trang có bản gốc tiếng Nhật và bản dịch sang các ngôn ngữ trong mục chọn ngôn ngữ.

footer-service = Trang web này được cung cấp bởi dịch vụ dịch thuật honyaku.
footer-original-note = Đối với các trang được dịch, bản gốc tiếng Nhật là bản chính thức.

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = Báo lỗi bản dịch
report-intro = Hãy cho chúng tôi biết bản dịch của đoạn này sai ở đâu. Người dịch đọc mọi báo cáo.
report-original-label = Bản gốc tiếng Nhật
report-translation-label = Bản dịch hiện tại
report-message-label = Sai ở đâu? (tối đa { $max } ký tự)
report-privacy = Vui lòng không ghi thông tin cá nhân. Chúng tôi không lưu bất kỳ thông tin nào về người gửi báo cáo (không lưu địa chỉ IP, tên hay địa chỉ email).
report-honeypot-label = Hãy để trống ô này
report-submit = Gửi báo cáo
report-back = Quay lại đoạn văn
report-thanks-title = Cảm ơn bạn đã báo cáo
report-thanks-body = Chúng tôi đã nhận được báo cáo. Người dịch sẽ kiểm tra đoạn này.
report-thanks-your-message = Nội dung bạn đã viết
report-error-empty = Vui lòng mô tả lỗi trước khi gửi.
report-error-too-long = Nội dung của bạn có { $count } ký tự; vui lòng rút ngắn còn tối đa { $max } ký tự.
report-error-control = Nội dung của bạn có ký tự điều khiển không thể chấp nhận. Vui lòng xóa chúng rồi gửi lại.
report-rate-limited = Đã có nhiều báo cáo được gửi trong thời gian ngắn. Vui lòng thử lại sau { $minutes } phút.
