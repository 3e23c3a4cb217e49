# Thai (th). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
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

disclaimer-heading = เกี่ยวกับการแปลด้วยเครื่อง
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = หน้านี้แปลด้วยเครื่องจากต้นฉบับภาษาญี่ปุ่นโดย { $providers } โปรดอ่านข้อความต่อไปนี้ก่อนใช้งาน
disclaimer-reviewed =
    { $reviewed ->
        [0] ยังไม่มีข้อความส่วนใดในหน้านี้ที่ผู้แปลตรวจสอบแล้ว
       *[other] ผู้แปลตรวจสอบแล้ว { $reviewed } จากทั้งหมด { $passages } ส่วนของหน้านี้
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = แปลด้วยเครื่องครั้งล่าสุดเมื่อ { $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = เกี่ยวกับคำแปลนี้
disclaimer-intro-human = หน้านี้แปลจากต้นฉบับภาษาญี่ปุ่นโดยคน และผู้แปลได้ตรวจสอบทุกส่วนแล้ว
disclaimer-text-only = แปลเฉพาะข้อความในหน้านี้เท่านั้น เนื้อหาที่แสดงเป็นรูปภาพหรือกราฟิกอื่น ๆ จะไม่ได้รับการแปล
disclaimer-accuracy = เนื่องจากเป็นการแปลอัตโนมัติด้วยเครื่อง คำแปลจึงอาจไม่ถูกต้องเสมอไป
disclaimer-speed = หน้าที่แปลแล้วอาจใช้เวลาแสดงผลนานกว่าหน้าภาษาญี่ปุ่นเล็กน้อย
disclaimer-authoritative = ต้นฉบับภาษาญี่ปุ่นเป็นฉบับที่เป็นทางการของเนื้อหานี้
disclaimer-original-link = ดูต้นฉบับภาษาญี่ปุ่น

notice-translation-pending-heading = กำลังเตรียมคำแปล
notice-translation-pending = หน้านี้ยังไม่ได้แปลเป็นภาษาไทย ด้านล่างนี้คือต้นฉบับภาษาญี่ปุ่น
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = กำลังแปลหน้านี้เป็นภาษาไทย ขณะนี้แสดงต้นฉบับภาษาญี่ปุ่นไปก่อน ข้อความที่แปลเสร็จแล้วจะปรากฏที่นี่ทีละส่วน

notice-partial-translation = บางส่วนของหน้านี้ยังไม่ได้แปลและแสดงเป็นภาษาญี่ปุ่น
notice-partial-pending = บางส่วนยังอยู่ระหว่างการแปลจึงแสดงเป็นภาษาญี่ปุ่นไปก่อน และจะปรากฏที่นี่เมื่อแปลเสร็จ
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = ต้นฉบับภาษาญี่ปุ่นและการแจ้งปัญหาของข้อความส่วนนี้
passage-original-label = ต้นฉบับภาษาญี่ปุ่น
origin-machine = แปลด้วยเครื่อง
origin-bundled = คำแปลที่ตรวจสอบแล้ว
origin-translator = แปลโดยผู้แปล
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (ภาษาญี่ปุ่น)
