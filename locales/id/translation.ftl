# Indonesian (id). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Indonesian public notices as far as that model knows them
# (formal register with "Anda" and "Silakan"/"Harap", standard spelling), and
# by translating every string back into English with the same model and
# comparing it with the English. No native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Indonesian name), the language names in switcher-title-*
# ("Tionghoa" for Chinese), disclaimer-accuracy and disclaimer-intro, and
# report-privacy.

disclaimer-heading = Tentang terjemahan mesin
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = Halaman ini diterjemahkan secara otomatis dari teks asli berbahasa Jepang oleh { $providers }. Harap baca keterangan berikut sebelum menggunakannya.
disclaimer-reviewed =
    { $reviewed ->
        [0] Belum ada bagian halaman ini yang diperiksa oleh penerjemah.
       *[other] Penerjemah telah memeriksa { $reviewed } dari { $passages } bagian halaman ini.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = Terakhir diterjemahkan oleh mesin pada { $date }.
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = Tentang terjemahan ini
disclaimer-intro-human = Halaman ini diterjemahkan dari teks asli berbahasa Jepang oleh manusia: penerjemah telah memeriksa setiap bagian.
disclaimer-text-only = Hanya teks pada halaman ini yang diterjemahkan. Konten yang disajikan dalam gambar dan grafik lainnya tidak diterjemahkan.
disclaimer-accuracy = Karena merupakan terjemahan otomatis oleh mesin, hasilnya belum tentu selalu akurat.
disclaimer-speed = Halaman terjemahan mungkin memerlukan waktu sedikit lebih lama untuk ditampilkan dibandingkan halaman berbahasa Jepang.
disclaimer-authoritative = Teks asli berbahasa Jepang adalah versi resmi dari konten ini.
disclaimer-original-link = Lihat teks asli bahasa Jepang

notice-translation-pending-heading = Terjemahan sedang disiapkan
notice-translation-pending = Halaman ini belum diterjemahkan ke dalam bahasa Indonesia. Teks asli berbahasa Jepang ditampilkan di bawah ini.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = Halaman ini sedang diterjemahkan ke dalam bahasa Indonesia. Untuk sementara teks asli berbahasa Jepang ditampilkan; bagian yang sudah diterjemahkan akan muncul di sini begitu siap.

notice-partial-translation = Beberapa bagian halaman ini belum diterjemahkan dan ditampilkan dalam bahasa Jepang.
notice-partial-pending = Beberapa bagian masih diterjemahkan dan untuk sementara ditampilkan dalam bahasa Jepang; bagian tersebut akan muncul di sini begitu siap.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Teks asli bahasa Jepang dan laporan masalah untuk bagian ini
passage-original-label = Teks asli bahasa Jepang
origin-machine = Terjemahan mesin
origin-bundled = Terjemahan yang telah diperiksa
origin-translator = Diterjemahkan oleh penerjemah
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (bahasa Jepang)
