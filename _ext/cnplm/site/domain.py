"""The ``plm`` domain: models, families, papers and organisations as cross-referenceable objects.

It owns all per-document data of the extension (objects, aggregate pages, outgoing references),
so parallel reads merge it and incremental builds purge it in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

logger = logging.getLogger(__name__)

# role name -> object type; the object type names are also the digest kinds (see digests.py).
# Each role is named like its object type (so `:external:plm:organisation:` works); `org` is an alias.
ROLE_OBJECT_TYPES = {"model": "model", "family": "family", "paper": "paper", "organisation": "organisation",
                     "org": "organisation", "dataset": "dataset", "benchmark": "benchmark"}


def std_label(objtype: str, name: str) -> str:
    """The std:label of a catalogue object, e.g. ``model-macbert-base``: with plain intersphinx,
    other projects link to it as ``:external+cnplm:ref:`model-macbert-base```."""
    return f"{objtype}-{name}".lower()


class ObjectEntry(NamedTuple):
    docname: str
    anchor: str
    dispname: str
    line: int


class PLMDomain(Domain):
    name = "plm"
    label = "Chinese pretrained language models"
    object_types = {
        "model": ObjType("模型 model", "model"),
        "family": ObjType("模型系列 family", "family"),
        "paper": ObjType("论文 paper", "paper"),
        "organisation": ObjType("机构 organisation", "organisation", "org"),
        "dataset": ObjType("数据集 dataset", "dataset"),
        "benchmark": ObjType("评测基准 benchmark", "benchmark"),
    }
    roles = {name: XRefRole(innernodeclass=nodes.inline) for name in ROLE_OBJECT_TYPES}
    initial_data: dict[str, Any] = {
        "objects": {},  # (objtype, name) -> ObjectEntry
        "doc_objects": {},  # docname -> the object keys it defines (clearing a document is then O(its objects))
        "aggregates": {},  # docname -> object keys its catalogue-wide content shows (None: all of it)
        "xrefs": {},  # docname -> {"model:macbert-base", ...}
        "category_pages": {},  # category -> {docname: anchor} of the pages listing its families
        "inputs": None,  # state.InputState of the last build: digest of every input file, problems
    }
    data_version = 9
    dangling_warnings = {
        "model": "unknown model %(target)r",
        "family": "unknown model family %(target)r",
        "paper": "unknown paper (BibTeX key) %(target)r",
        "organisation": "unknown organisation %(target)r",
        "org": "unknown organisation %(target)r",
        "dataset": "unknown dataset %(target)r",
        "benchmark": "unknown benchmark %(target)r",
    }

    @property
    def objects(self) -> dict[tuple[str, str], ObjectEntry]:
        return self.data["objects"]

    def note_object(self, objtype: str, name: str, anchor: str, dispname: str, node: nodes.Node) -> None:
        """Register a target in the current document; a second target for one name is a warning."""
        key = (objtype, name)
        if key in self.objects:
            other = self.objects[key]
            logger.warning("duplicate %s %r, also defined in %s", objtype, name,
                           self.env.doc2path(other.docname), location=node, type="plm", subtype="duplicate")
            return
        self.objects[key] = ObjectEntry(self.env.docname, anchor, dispname, node.line or 0)
        self.data["doc_objects"].setdefault(self.env.docname, []).append(key)
        self.env.get_domain("std").note_hyperlink_target(std_label(objtype, name), self.env.docname, anchor,
                                                         dispname)

    def note_aggregate(self, scope: set[str] | None = None) -> None:
        """The current document shows data from many cards (tables, indexes, chronology).

        ``scope`` names the object keys it depends on (see digests.py); None means the whole catalogue.
        """
        aggregates = self.data["aggregates"]
        known = aggregates.get(self.env.docname, set())
        whole = scope is None or known is None
        aggregates[self.env.docname] = None if whole else known | scope

    def note_category_page(self, category: str, anchor: str) -> None:
        """The current document lists the category's families (its first anchor there)."""
        self.data["category_pages"].setdefault(category, {}).setdefault(self.env.docname, anchor)

    def note_xrefs(self, docname: str, keys: set[str]) -> None:
        if keys:
            self.data["xrefs"][docname] = keys

    def clear_doc(self, docname: str) -> None:
        for key in self.data["doc_objects"].pop(docname, ()):
            if key in self.objects and self.objects[key].docname == docname:
                del self.objects[key]
        self.data["aggregates"].pop(docname, None)
        self.data["xrefs"].pop(docname, None)
        for pages in self.data["category_pages"].values():
            pages.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        docs = set(docnames)
        for key, entry in otherdata["objects"].items():
            if entry.docname not in docs:
                continue
            if key in self.objects and self.objects[key].docname != entry.docname:
                logger.warning("duplicate %s %r, also defined in %s", key[0], key[1],
                               self.env.doc2path(self.objects[key].docname),
                               location=(entry.docname, entry.line), type="plm", subtype="duplicate")
                continue
            self.objects[key] = entry
            self.data["doc_objects"].setdefault(entry.docname, []).append(key)
        for docname, scope in otherdata["aggregates"].items():
            if docname in docs:
                self.data["aggregates"][docname] = scope
        for docname, keys in otherdata["xrefs"].items():
            if docname in docs:
                self.data["xrefs"][docname] = keys
        for category, pages in otherdata["category_pages"].items():
            for docname, anchor in pages.items():
                if docname in docs:
                    self.data["category_pages"].setdefault(category, {})[docname] = anchor

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode) -> nodes.Element | None:
        if typ == "category":
            pages = self.data["category_pages"].get(target)
            if not pages:
                return None
            docname = min(pages)  # the same page whatever order serial or parallel readers noted them in
            return make_refnode(builder, fromdocname, docname, pages[docname], contnode)
        objtype = ROLE_OBJECT_TYPES.get(typ)
        entry = self.objects.get((objtype, target)) if objtype else None
        if entry is None:
            return None
        if not node.get("refexplicit"):
            text = f"[{entry.dispname}]" if objtype == "paper" else entry.dispname
            contnode = nodes.inline(text, text, classes=contnode.get("classes", []))
        return make_refnode(builder, fromdocname, entry.docname, entry.anchor, contnode, entry.dispname)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        results = []
        for objtype, role in {objtype: role for role, objtype in reversed(ROLE_OBJECT_TYPES.items())}.items():
            if (objtype, target) in self.objects:
                ref = self.resolve_xref(env, fromdocname, builder, role, target, node, contnode)
                results.append((f"plm:{role}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every object for objects.inv; priority -1 keeps them out of the search index.

        Families, models and organisations are found there through their page and section
        titles, papers through the text of the references page. As objects they would appear
        a second time, and Sphinx 9.0's search script rebuilds an anchor ``type-name`` from the
        display name ("#model-MacBERT-base"), which does not exist.
        """
        for (objtype, name), entry in sorted(self.objects.items()):
            yield name, entry.dispname, objtype, entry.docname, entry.anchor, -1


def collect_xrefs(app, doctree: nodes.document) -> None:
    """Remember which catalogue objects a document's own text links to (doctree-read); references made
    by the catalogue directives are covered by the scope each directive declares."""
    keys = {
        f"{ROLE_OBJECT_TYPES[node['reftype']]}:{node['reftarget']}"
        for node in doctree.findall(addnodes.pending_xref)
        if node.get("refdomain") == "plm" and node.get("reftype") in ROLE_OBJECT_TYPES
        and not node.get("plm_generated")
    }
    domain = app.env.get_domain("plm")
    domain.note_xrefs(app.env.docname, keys)


def category_without_page(app, env, node, contnode) -> nodes.Node | None:
    """missing-reference: a category that no page lists stays plain text (test sites have few pages),
    and so does a link the extension made to an object whose listing page a site leaves out (plm_optional)."""
    if node.get("refdomain") == "plm" and (node.get("reftype") == "category" or node.get("plm_optional")):
        return contnode
    return None


def short_role(name: str):
    """``{model}`x``` as a shorthand of ``{plm:model}`x```."""

    def role(role_name, rawtext, text, lineno, inliner, options=None, content=()):
        env = inliner.document.settings.env
        return env.get_domain("plm").role(name)(f"plm:{name}", rawtext, text, lineno, inliner,
                                                options or {}, content)

    return role



def setup(app) -> dict[str, Any]:
    """``extensions = ["cnplm.site.domain"]`` in another project: the plm roles, resolved through intersphinx."""
    app.add_domain(PLMDomain)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
