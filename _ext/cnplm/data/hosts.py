"""Download hosts, recognised from a link's URL, and the list's `label-code` link texts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

CODE_LABEL_RE = re.compile(r"^(百度网盘|讯飞云)-([A-Za-z0-9]{4})$")


@dataclass(frozen=True)
class Host:
    id: str
    zh: str
    en: str
    domains: tuple[str, ...]


HOSTS: tuple[Host, ...] = (
    Host("google-drive", "谷歌云端硬盘", "Google Drive", ("drive.google.com",)),
    Host("google-cloud-storage", "谷歌云存储", "Google Cloud Storage", ("storage.googleapis.com",)),
    Host("baidu-pan", "百度网盘", "Baidu Pan", ("pan.baidu.com",)),
    Host("iflytek-cloud", "讯飞云", "iFlytek Cloud", ("pan.iflytek.com",)),
    Host("huggingface", "Hugging Face", "Hugging Face", ("huggingface.co",)),
    Host("aliyun-oss", "阿里云 OSS", "Aliyun OSS", ("aliyuncs.com",)),
    Host("baidu-bos", "百度智能云 BOS", "Baidu BOS", ("bcebos.com",)),
    Host("jdcloud", "京东云", "JD Cloud", ("jdcloud-oss.com",)),
    Host("ksyun", "金山云", "Kingsoft Cloud", ("ksyun.com",)),
    Host("tal-ai", "好未来 AI 开放平台", "TAL AI", ("ai.100tal.com",)),
    Host("github", "GitHub", "GitHub", ("github.com",)),
    Host("gitee", "Gitee", "Gitee", ("gitee.com",)),
    Host("openi", "启智社区 OpenI", "OpenI", ("openi.org.cn",)),
    Host("wudao", "悟道", "WuDao", ("wudaoai.cn",)),
    Host("baai", "智源研究院", "BAAI", ("baai.ac.cn",)),
    Host("aminer", "AMiner", "AMiner", ("aminer.cn",)),
    Host("modelscope", "魔搭社区", "ModelScope", ("modelscope.cn",)),
)
OTHER_HOST = Host("other", "其他", "Other", ())


def host_of(url: str) -> Host:
    """The host a URL points to, matched on its domain name or a parent domain."""
    netloc = (urlsplit(url).hostname or "").lower()
    for host in HOSTS:
        if any(netloc == d or netloc.endswith("." + d) for d in host.domains):
            return host
    return OTHER_HOST


def split_extraction_code(label: str) -> tuple[str, str | None]:
    """'百度网盘-8qvb' -> ('百度网盘', '8qvb'); other labels are returned unchanged."""
    match = CODE_LABEL_RE.match(label.strip())
    if match:
        return match.group(1), match.group(2)
    return label.strip(), None
