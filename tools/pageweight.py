#!/usr/bin/env python3
"""Cold page weight: signs in as a demo user, fetches a page and every asset it needs (including the diagram
script site.js loads), as a browser with an empty cache would, and prints bytes on the wire and headers."""
import http.client, re, sys, time, urllib.parse
host, port, user, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
cookies = {}
def req(method, url, body=None, headers=None):
    c = http.client.HTTPConnection(host, port, timeout=60)
    h = {"Accept-Encoding": "gzip", "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    h.update(headers or {})
    t = time.perf_counter(); c.request(method, url, body=body, headers=h); r = c.getresponse(); data = r.read()
    ms = (time.perf_counter() - t) * 1000
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, val = v.split(";")[0].split("=", 1); cookies[name] = val
    return r, data, ms
r, data, _ = req("GET", "/Account/Login", headers={"Accept-Encoding": "identity"})
token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', data).group(1).decode()
body = urllib.parse.urlencode({"UserName": user, "Password": "Court!2022", "__RequestVerificationToken": token})
req("POST", "/Account/Login", body, {"Content-Type": "application/x-www-form-urlencoded", "Accept-Encoding": "identity"})
total = 0; total_ms = 0
r, page, ms = req("GET", path)
print(f"{path}: {r.status} {len(page)} B {r.getheader('Content-Encoding') or 'identity'} {ms:.0f} ms")
total += len(page); total_ms += ms
html = page
if r.getheader("Content-Encoding") == "gzip":
    import gzip; html = gzip.decompress(page)
elif r.getheader("Content-Encoding") == "br":
    import brotli; html = brotli.decompress(page)
assets = re.findall(rb'(?:src|href)="(/(?:css|js|lib)/[^"]+)"', html)
if re.search(rb'class="mermaid"', html):
    m = re.search(rb'data-mermaid="([^"]+)"', html)
    assets.append(m.group(1) if m else b"/lib/mermaid/mermaid.min.js")
for a in dict.fromkeys(assets):
    a = a.decode().replace("&amp;", "&")
    r, data, ms = req("GET", a)
    total += len(data); total_ms += ms
    print(f"{a}: {r.status} {len(data)} B {r.getheader('Content-Encoding') or 'identity'} cache={r.getheader('Cache-Control')} {ms:.0f} ms")
print(f"total {total} B, {total_ms:.0f} ms sequential")
