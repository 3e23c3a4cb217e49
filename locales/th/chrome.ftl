# Thai (th). Page chrome: header, language switcher, breadcrumb, footer, the report form.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Thai public notices as far as that model knows them (polite
# requests with "โปรด", no word spaces inside a phrase, a space between
# sentences), and by translating every string back into English with the same
# model and comparing it with the English. The years are Gregorian and say so
# (ค.ศ.), since readers in Thailand count in the Buddhist era. No native
# speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Thai name), date-year-month (ค.ศ. with the Gregorian year, or พ.ศ.
# with the Buddhist one), disclaimer-accuracy and disclaimer-intro, report-
# privacy, and the developer-facing error-* messages.

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = กระทรวงสาธารณสุข แรงงาน และสวัสดิการ
site-section = ข่าวประชาสัมพันธ์
skip-to-content = ข้ามไปยังเนื้อหาหลัก

switcher-label = ภาษา
switcher-title-ja = ภาษาญี่ปุ่น
switcher-title-en = ภาษาอังกฤษ
switcher-title-zh-Hans = ภาษาจีน (ตัวย่อ)
switcher-title-zh-Hant = ภาษาจีน (ตัวเต็ม)
switcher-title-ko = ภาษาเกาหลี
switcher-title-vi = ภาษาเวียดนาม
switcher-title-fil = ภาษาฟิลิปปินส์
switcher-title-pt-BR = ภาษาโปรตุเกส (บราซิล)
switcher-title-ne = ภาษาเนปาล
switcher-title-id = ภาษาอินโดนีเซีย
switcher-title-my = ภาษาพม่า
switcher-title-th = ภาษาไทย
switcher-title-es = ภาษาสเปน
switcher-title-ja-x-easy = ภาษาญี่ปุ่นแบบง่าย

breadcrumb-label = ตำแหน่งปัจจุบัน
breadcrumb-home = หน้าแรก
breadcrumb-press = ข่าวและการประชาสัมพันธ์
breadcrumb-press-releases = ข่าวประชาสัมพันธ์

# $year and $month are numbers, e.g. 2025 and 5.
# Thai spells out the month; ค.ศ. marks the year as Gregorian: "พฤษภาคม ค.ศ. 2025".
date-year-month =
    { $month ->
        [1] มกราคม
        [2] กุมภาพันธ์
        [3] มีนาคม
        [4] เมษายน
        [5] พฤษภาคม
        [6] มิถุนายน
        [7] กรกฎาคม
        [8] สิงหาคม
        [9] กันยายน
        [10] ตุลาคม
        [11] พฤศจิกายน
        [12] ธันวาคม
       *[other] { $month }
    } ค.ศ. { $year }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $day } { $month ->
        [1] มกราคม
        [2] กุมภาพันธ์
        [3] มีนาคม
        [4] เมษายน
        [5] พฤษภาคม
        [6] มิถุนายน
        [7] กรกฎาคม
        [8] สิงหาคม
        [9] กันยายน
        [10] ตุลาคม
        [11] พฤศจิกายน
        [12] ธันวาคม
       *[other] { $month }
    } ค.ศ. { $year }

page-published = วันที่เผยแพร่: { date-year-month }
page-bureau = หน่วยงานที่รับผิดชอบ: { $bureau }
contact-heading = ติดต่อสอบถาม

index-title = ข่าวประชาสัมพันธ์
index-intro = ข่าวประชาสัมพันธ์ของกระทรวงสาธารณสุข แรงงาน และสวัสดิการ แต่ละหน้ามีต้นฉบับภาษาญี่ปุ่นและคำแปลเป็นภาษาต่าง ๆ ที่อยู่ในเมนูภาษา

footer-service = เว็บไซต์นี้ให้บริการโดยบริการแปลภาษา honyaku
footer-original-note = สำหรับหน้าที่แปลแล้ว ต้นฉบับภาษาญี่ปุ่นเป็นฉบับที่เป็นทางการ

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = แจ้งปัญหาการแปล
report-intro = โปรดแจ้งให้เราทราบว่าคำแปลของข้อความส่วนนี้ผิดตรงไหน ผู้แปลจะอ่านทุกรายงาน
report-original-label = ต้นฉบับภาษาญี่ปุ่น
report-translation-label = คำแปลปัจจุบัน
report-message-label = ผิดอย่างไร (ไม่เกิน { $max } ตัวอักษร)
report-privacy = โปรดอย่าใส่ข้อมูลส่วนบุคคล เราไม่บันทึกข้อมูลใด ๆ เกี่ยวกับผู้ส่งรายงาน (ไม่บันทึกที่อยู่ IP ชื่อ หรืออีเมล)
report-honeypot-label = โปรดเว้นช่องนี้ว่างไว้
report-submit = ส่งรายงาน
report-back = กลับไปยังข้อความส่วนนั้น
report-thanks-title = ขอบคุณสำหรับรายงาน
report-thanks-body = เราได้รับรายงานแล้ว ผู้แปลจะตรวจสอบข้อความส่วนนี้
report-thanks-your-message = ข้อความที่คุณเขียน
report-error-empty = โปรดอธิบายปัญหาก่อนส่ง
report-error-too-long = ข้อความของคุณมี { $count } ตัวอักษร โปรดตัดให้เหลือไม่เกิน { $max } ตัวอักษร
report-error-control = ข้อความของคุณมีอักขระควบคุมที่ไม่สามารถรับได้ โปรดลบออกแล้วส่งอีกครั้ง
report-rate-limited = มีการส่งรายงานจำนวนมากในเวลาอันสั้น โปรดลองอีกครั้งในอีก { $minutes } นาที
