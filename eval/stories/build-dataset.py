#!/usr/bin/env python3
"""Builds eval/stories/articles.jsonl (see README.md). Run once by hand; the output is committed.

  python3 eval/stories/build-dataset.py TM_TEXTS_DIR AEB_DIR eval/comments/pages > eval/stories/articles.jsonl

TM_TEXTS_DIR: usr/lib/R/site-library/tm/texts from Debian's r-cran-tm 0.7-11-1
  (apt-get download r-cran-tm && dpkg -x r-cran-tm_*.deb x).
AEB_DIR: the article-extraction benchmark (ground-truth.json and html/<id>.html.gz).
eval/comments/pages: the project's comment benchmark (real pages from npm packages' test suites).
The event labels are written below by hand, after reading the articles.
"""
import glob, gzip, html, json, os, re, subprocess, sys, warnings
from datetime import datetime, timezone
from urllib.parse import urlparse
from dateutil import parser as dateparser

warnings.simplefilter('ignore')

# Multi-article events. Every article not listed is an event of its own (a singleton).
EVENTS = {
    # Reuters-21578 (tm texts), Feb-Mar 1987
    # Comment benchmark pages (eval/comments/pages), by page id
    'uf-cnbc1': '2011-09-21-fed-operation-twist',
    'uf-businessinsider2': '2011-09-21-fed-operation-twist',
    'mp-msnbc-com': '2016-12-19-electoral-college-vote',
    'mp-thepoliticalinsider-com': '2016-12-19-electoral-college-vote',
    'mp-nytimes-com': '2016-09-19-rahami-manhunt-and-arrest',
    'mp-theatlantic-com': '2016-09-19-rahami-manhunt-and-arrest',
    'crude/reut-00007.xml': '1987-03-01-kuwait-no-emergency-opec-meeting',
    'crude/reut-00015.xml': '1987-03-01-kuwait-no-emergency-opec-meeting',
    'crude/reut-00011.xml': '1987-03-01-saudi-reiterates-opec-accord',
    'crude/reut-00014.xml': '1987-03-01-saudi-reiterates-opec-accord',
    'crude/reut-00018.xml': '1987-03-02-study-group-urges-larger-spr',
    'crude/reut-00019.xml': '1987-03-02-study-group-urges-larger-spr',
    'acq/reut-00032.xml': '1987-03-02-marriott-sells-santa-barbara-biltmore',
    'acq/reut-00052.xml': '1987-03-02-marriott-sells-santa-barbara-biltmore',
    'acq/reut-00036.xml': '1987-03-02-viacom-revised-offers',
    'acq/reut-00053.xml': '1987-03-02-viacom-revised-offers',
    'acq/reut-00023.xml': '1987-03-02-rmj-holdings-stake-sold-to-british-and-commonwealth',
    'acq/reut-00045.xml': '1987-03-02-rmj-holdings-stake-sold-to-british-and-commonwealth',
    # Article-extraction benchmark, Nov 2019 (by page id prefix)
    '7bb1ca': '2019-11-18-feather-duvet-lung-case-report',
    'a078b3': '2019-11-18-feather-duvet-lung-case-report',
    'bd673b': '2019-11-18-feather-duvet-lung-case-report',
    '9eef81': '2019-11-18-feather-duvet-lung-case-report',
    '432362': '2019-11-18-china-third-plague-case-hunter',
    'ba4dfe': '2019-11-18-china-third-plague-case-hunter',
    'ea25dd': '2019-11-18-china-third-plague-case-hunter',
    '8b1945': '2019-11-18-china-third-plague-case-hunter',
    '1ace8c': '2019-11-18-ny-attorney-general-investigates-wework',
    '06e512': '2019-11-18-ny-attorney-general-investigates-wework',
    '9cb822': '2019-11-18-doobie-brothers-50th-anniversary-tour',
    '35b158': '2019-11-18-doobie-brothers-50th-anniversary-tour',
    'ac1bfd': '2019-11-18-doobie-brothers-50th-anniversary-tour',
    '156770': '2019-11-18-south-dakota-meth-were-on-it-campaign',
    '3f65af': '2019-11-18-south-dakota-meth-were-on-it-campaign',
    'c13b9c': '2019-11-18-south-dakota-meth-were-on-it-campaign',
    '776a1c': '2019-11-18-south-dakota-meth-were-on-it-campaign',
    '6ebac0': '2019-11-18-man-pleads-guilty-threatening-ilhan-omar',
    '7a457a': '2019-11-18-man-pleads-guilty-threatening-ilhan-omar',
    'd1c57d': '2019-11-18-nasa-adds-five-companies-to-clps',
    '42aad1': '2019-11-18-nasa-adds-five-companies-to-clps',
    'c50845': '2019-11-18-nasa-adds-five-companies-to-clps',
    'e1c702': '2019-11-18-esa-study-hibernating-astronauts',
    'b37be3': '2019-11-18-esa-study-hibernating-astronauts',
    'f344ca': '2019-11-18-water-vapour-detected-above-europa',
    '14cc2a': '2019-11-18-water-vapour-detected-above-europa',
    '686bb1': '2019-11-18-water-vapour-detected-above-europa',
    '680c28': '2019-11-19-google-stadia-launch-and-first-reviews',
    'aade2e': '2019-11-19-google-stadia-launch-and-first-reviews',
    'e100c9': '2019-11-19-google-stadia-launch-and-first-reviews',
    '8267ac': '2019-11-19-google-stadia-launch-and-first-reviews',
    'f8ff62': '2019-11-19-home-depot-q3-results-shares-fall',
    '513745': '2019-11-19-home-depot-q3-results-shares-fall',
    '2c4680': '2019-11-18-fort-worth-kidnapping-rescue-video-released',
    '51d066': '2019-11-18-fort-worth-kidnapping-rescue-video-released',
    'dc7ccc': '2019-11-19-sweden-drops-assange-investigation',
    'c7e39a': '2019-11-19-sweden-drops-assange-investigation',
    '7a664e': '2019-11-19-impeachment-hearing-volker-morrison',
    'c90731': '2019-11-19-impeachment-hearing-volker-morrison',
}

# Dates written in the page's text or scripts where its metadata gives none (read by hand).
PUBLISHED = {
    '14cc2a': '2019-11-18', '680c28': '2019-11-18', '9eef81': '2019-11-19', '0d4612': '2019-11-19',
    'uf-cnbc1': '2011-09-21', 'mp-msnbc-com': '2016-12-20', 'mp-thepoliticalinsider-com': '2016-12-20',
    'mp-nytimes-com': '2016-09-19', 'mp-theatlantic-com': '2016-09-19',
}

# Languages read by hand where the detector errs on short or close-language text (Indonesian read as Malay).
LANGUAGES = {'214864': 'id', '7837c9': 'id'}

# The page's own site name where it names the outlet badly (or not at all).
OUTLETS = {
    'hosted.ap.org': 'Associated Press', 'www.reuters.com': 'Reuters', 'www.hawaiinewsnow.com': 'Hawaii News Now',
    'www.politifact.com': 'PolitiFact', 'www.businessinsider.com': 'Business Insider', 'practicalhorsemanmag.com': 'Practical Horseman',
    'www.newsnation.in': 'News Nation', 'www.aljazeera.com': 'Al Jazeera', 'phys.org': 'Phys.org', 'www.nytimes.com': 'The New York Times',
    'www.barrons.com': "Barron's", 'www.cbsnews.com': 'CBS News', 'detroit.cbslocal.com': 'CBS Detroit', 'www.usatoday.com': 'USA Today',
    'www.detroitnews.com': 'The Detroit News', 'www.floridatoday.com': 'Florida Today', 'www.nj.com': 'NJ.com', 'www.cleveland.com': 'Cleveland.com',
    'www.macrumors.com': 'MacRumors', 'sputniknews.com': 'Sputnik News', 'www.oregonlive.com': 'OregonLive', 'www.theguardian.com': 'The Guardian',
    'www.thespacereview.com': 'The Space Review', 'www.sciencealert.com': 'ScienceAlert', 'www.quantamagazine.org': 'Quanta Magazine',
    'www.msnbc.com': 'MSNBC', 'www.thepoliticalinsider.com': 'The Political Insider',
    'www.theatlantic.com': 'The Atlantic', 'www.liberation.fr': 'Libération', 'rn-tmz-1': 'TMZ', 'rn-salon-1': 'Salon', 'rn-webmd-1': 'WebMD',
    'rn-webmd-2': 'WebMD', 'rn-lwn-1': 'LWN.net', 'rn-daringfireball-1': 'Daring Fireball', 'rn-ietf-1': 'IETF', 'rn-001': 'Nicolas Perriault',
    'rn-clean-links': 'Bartleby.com', 'rn-heise': 'heise online',
}


def reuters_date(text):
    return datetime.strptime(text.strip()[:20].split('.')[0].rstrip(':'), '%d-%b-%Y %H:%M:%S').replace(tzinfo=timezone.utc).isoformat().replace('+00:00', 'Z')


def reuters_paragraphs(body):
    body = re.sub(r'\s*Reuter\s*(&#3;)?\s*$', '', html.unescape(body))
    paragraphs = re.split(r'\n\s{3,}', body)
    return [re.sub(r'\s+', ' ', p).strip() for p in paragraphs if p.strip()]


def reuters_records(texts):
    seen_bodies = set()
    files = sorted(glob.glob(f'{texts}/crude/*.xml')) + sorted(glob.glob(f'{texts}/acq/*.xml'))
    items = [(os.path.relpath(f, texts), open(f, encoding='latin-1').read()) for f in files]
    whole = open(f'{texts}/reuters-21578.xml', encoding='latin-1').read()
    items += [(f'reuters-21578.xml#{m.group(1)}', m.group(0)) for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)".*?</REUTERS>', whole, re.S)]
    for name, text in items:
        body = re.search(r'<BODY>(.*?)</BODY>', text, re.S)
        paragraphs = reuters_paragraphs(body.group(1))
        key = ' '.join(paragraphs)
        if key in seen_bodies:  # the same Reuters item shipped twice by the package
            continue
        seen_bodies.add(key)
        title = html.unescape(re.search(r'<TITLE>(.*?)</TITLE>', text, re.S).group(1)).strip()
        yield {
            'source': f'r-cran-tm/texts/{name}', 'url': None, 'title': title, 'outlet': 'Reuters', 'author': None,
            'published': reuters_date(re.search(r'<DATE>(.*?)</DATE>', text).group(1)), 'language': 'en',
            'body': '\n\n'.join(paragraphs), 'comments': [], 'passages': 0, 'event': EVENTS.get(name, f'single:{name}'),
        }


def meta(doc, *names):
    for n in names:
        for pat in [r'<meta[^>]+(?:property|name|itemprop)=["\']%s["\'][^>]*content=(?:"([^"]*)"|\'([^\']*)\')' % re.escape(n),
                    r'<meta[^>]+content=(?:"([^"]*)"|\'([^\']*)\')[^>]*(?:property|name|itemprop)=["\']%s["\']' % re.escape(n)]:
            m = re.search(pat, doc, re.I)
            value = m and (m.group(1) if m.group(1) is not None else m.group(2))
            if value and value.strip():
                return html.unescape(value.strip())
    return None


def page_date(doc, url):
    raw = meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'DC.date.issued', 'sailthru.date',
               'parsely-pub-date', 'og:article:published_time')
    if not raw:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', doc)
        raw = m and m.group(1)
    if raw and not raw.startswith('0001'):
        try:
            d = dateparser.parse(raw.replace(' IST', ' +0530'), fuzzy=True)
            return d.isoformat() if d.tzinfo else d.date().isoformat()
        except (ValueError, OverflowError):
            pass
    m = re.search(r'/(20\d\d)[/-](\d\d)[/-](\d\d)/', url)
    return '-'.join(m.groups()) if m else None


def page_title(doc):
    title = meta(doc, 'og:title', 'twitter:title')
    if not title:
        m = re.search(r'<title[^>]*>(.*?)</title>', doc, re.S | re.I)
        title = m and html.unescape(m.group(1).strip())
    return re.sub(r'\s+', ' ', title or '').strip()


def benchmark_records(aeb):
    truth = json.load(open(f'{aeb}/ground-truth.json'))
    for page_id in sorted(truth):
        url = truth[page_id]['url']
        doc = gzip.open(f'{aeb}/html/{page_id}.html.gz', 'rt', encoding='utf-8', errors='replace').read()
        host = urlparse(url).netloc
        site = meta(doc, 'og:site_name')
        outlet = OUTLETS.get(host) or (site if site and not site.startswith(('http', '@')) and len(site) < 40 else host.removeprefix('www.'))
        paragraphs = [re.sub(r'\s+', ' ', p).strip() for p in truth[page_id]['articleBody'].split('\n')]
        yield {
            'source': f'article-extraction-benchmark/{page_id}', 'url': url, 'title': page_title(doc), 'outlet': outlet, 'author': None,
            'published': PUBLISHED.get(page_id[:6]) or page_date(doc, url), 'language': LANGUAGES.get(page_id[:6]), 'body': '\n\n'.join(p for p in paragraphs if p), 'comments': [],
            'passages': 0, 'event': EVENTS.get(page_id[:6], f'single:{page_id[:12]}'),
        }


def comment_page_records(pages):
    for path in sorted(glob.glob(f'{pages}/*.json')):
        page = json.load(open(path))
        doc = gzip.open(path[:-5] + '.html.gz', 'rt', encoding='utf-8', errors='replace').read()
        url = page.get('url')
        host = urlparse(url).netloc if url else None
        site = meta(doc, 'og:site_name')
        usable = site and not site.startswith(('http', '@')) and len(site) < 40
        outlet = OUTLETS.get(page['id']) or OUTLETS.get(host) or (site if usable else host and host.removeprefix('www.'))
        yield {
            'source': f'comment-benchmark/{page["id"]}', 'url': url, 'title': page_title(doc), 'outlet': outlet, 'author': None,
            'published': PUBLISHED.get(page['id']) or page_date(doc, url or ''), 'language': page['language'],
            'body': '\n\n'.join(p.strip() for p in page['body'].split('\n') if p.strip()),
            'comments': [{'author': c.get('author'), 'published': None, 'text': c['text']} for c in page['comments']],
            'passages': 0, 'event': EVENTS.get(page['id'], f'single:{page["id"]}'),
        }


def main():
    texts, aeb, pages = sys.argv[1], sys.argv[2], sys.argv[3]
    records = list(reuters_records(texts)) + list(benchmark_records(aeb)) + list(comment_page_records(pages))
    pending = [r for r in records if not r['language']]
    detected = json.loads(subprocess.run(['node', os.path.join(os.path.dirname(__file__), 'detectLanguages.mjs')],
                                         input=json.dumps([r['title'] + '\n' + r['body'] for r in pending]), capture_output=True,
                                         text=True, check=True).stdout)
    for r, lang in zip(pending, detected):
        r['language'] = lang
    for r in records:
        print(json.dumps(r, ensure_ascii=False))


main()
