#!/usr/bin/env node
import { createRequire as __istioReviewCreateRequire } from 'node:module';
const require = __istioReviewCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path5) {
      const ctrl = callVisitor(key, node, visitor, path5);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path5, ctrl);
        return visit_(key, ctrl, visitor, path5);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path5 = Object.freeze(path5.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path5);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path5 = Object.freeze(path5.concat(node));
          const ck = visit_("key", node.key, visitor, path5);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path5);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path5) {
      const ctrl = await callVisitor(key, node, visitor, path5);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path5, ctrl);
        return visitAsync_(key, ctrl, visitor, path5);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path5 = Object.freeze(path5.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path5);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path5 = Object.freeze(path5.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path5);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path5);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path5) {
      if (typeof visitor === "function")
        return visitor(key, node, path5);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path5);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path5);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path5);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path5);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path5);
      return void 0;
    }
    function replaceNode(key, path5, node) {
      const parent = path5[path5.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj2, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj2, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar3 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar3.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar3.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar3.PLAIN = "PLAIN";
    Scalar3.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar3.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar3;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar3.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar3.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path5, value) {
      let v = value;
      for (let i = path5.length - 1; i >= 0; --i) {
        const k = path5[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path5) => path5 == null || typeof path5 === "object" && !!path5[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path5, value) {
        if (isEmptyPath(path5))
          this.add(value);
        else {
          const [key, ...rest] = path5;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path5) {
        const [key, ...rest] = path5;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path5, keepScalar) {
        const [key, ...rest] = path5;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path5) {
        const [key, ...rest] = path5;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path5, value) {
        const [key, ...rest] = path5;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar3.Scalar.BLOCK_FOLDED ? false : type === Scalar3.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar3.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar3.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar3.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar3.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar3.Scalar.BLOCK_FOLDED:
          case Scalar3.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar3.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar3.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar3.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj2;
      if (identity.isScalar(item)) {
        obj2 = item.value;
        let match = tags.filter((t) => t.identify?.(obj2));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj2 = item;
        tagObj = tags.find((t) => t.nodeClass && obj2 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj2?.constructor?.name ?? (obj2 === null ? "null" : typeof obj2);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar3.Scalar.BLOCK_FOLDED || key.type === Scalar3.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar3.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar3.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar3 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj2, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj2, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj2 instanceof Map) {
          for (const [key, value] of obj2)
            add(key, value);
        } else if (obj2 && typeof obj2 === "object") {
          for (const key of Object.keys(obj2))
            add(key, obj2[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar3.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj2, ctx) => YAMLMap.YAMLMap.from(schema, obj2, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar3.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj2, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj2 && Symbol.iterator in Object(obj2)) {
          let i = 0;
          for (let it of obj2) {
            if (typeof replacer === "function") {
              const key = obj2 instanceof Set ? it : String(i++);
              it = replacer.call(obj2, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj2, ctx) => YAMLSeq.YAMLSeq.from(schema, obj2, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar3.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar3.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar3.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar3.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar3.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar3 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar3.Scalar.BLOCK_LITERAL);
        if (type !== Scalar3.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar3.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar3 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar3.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar3.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar3.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar3.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path5, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path5, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path5) {
        if (Collection.isEmptyPath(path5)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path5) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path5, keepScalar) {
        if (Collection.isEmptyPath(path5))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path5, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path5) {
        if (Collection.isEmptyPath(path5))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path5) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path5, value) {
        if (Collection.isEmptyPath(path5)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path5), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path5, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar3.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar3.Scalar.BLOCK_FOLDED : Scalar3.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar3.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar3.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar3.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar3.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd2, trimBoth;
      try {
        trimEnd2 = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd2 = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd2, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar3.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar3.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd2 = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd2, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd2, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path5) => {
      let item = cst;
      for (const [field, index] of path5) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path5) => {
      const parent = visit.itemAtPath(cst, path5.slice(0, -1));
      const field = path5[path5.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path5, item, visitor) {
      let ctrl = visitor(item, path5);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path5.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path5);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path5) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs7 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs7, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs7);
              } else {
                Object.assign(it, { key: fs7, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs7 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs7, sep: [] });
              else if (it.sep)
                this.stack.push(fs7);
              else
                Object.assign(it, { key: fs7, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar3 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar3.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/parse-diff/index.js
var require_parse_diff = __commonJS({
  "node_modules/parse-diff/index.js"(exports, module) {
    module.exports = (n) => {
      if (!n) return [];
      if (typeof n != "string" || n.match(/^\s+$/)) return [];
      const s = n.split(`
`);
      if (s.length === 0) return [];
      const a = [];
      let o = null, d = null, u = 0, m = 0, l = null;
      const g = (e) => {
        d?.changes.push({ type: "normal", normal: true, ln1: u++, ln2: m++, content: e }), l.oldLines--, l.newLines--;
      }, p = (e) => {
        const [t, r] = parseFiles2(e) ?? [];
        o = { chunks: [], deletions: 0, additions: 0, from: t, to: r }, a.push(o);
      }, i = () => {
        (!o || o.chunks.length) && p();
      }, $ = (e, t) => {
        i(), o.new = true, o.newMode = t[1], o.from = "/dev/null";
      }, N = (e, t) => {
        i(), o.deleted = true, o.oldMode = t[1], o.to = "/dev/null";
      }, x = (e, t) => {
        i(), o.oldMode = t[1];
      }, F = (e, t) => {
        i(), o.newMode = t[1];
      }, S = (e, t) => {
        i(), o.index = e.split(" ").slice(1), t[1] && (o.oldMode = o.newMode = t[1].trim());
      }, k = (e) => {
        i(), o.from = parseOldOrNewFile(e);
      }, y = (e) => {
        i(), o.to = parseOldOrNewFile(e);
      }, f = (e) => +(e || 1), M = (e, t) => {
        o || p(e);
        const [r, c, w, L] = t.slice(1);
        u = +r, m = +w, d = { content: e, changes: [], oldStart: +r, oldLines: f(c), newStart: +w, newLines: f(L) }, l = { oldLines: f(c), newLines: f(L) }, o.chunks.push(d);
      }, R = (e) => {
        d && (d.changes.push({ type: "del", del: true, ln: u++, content: e }), o.deletions++, l.oldLines--);
      }, b = (e) => {
        d && (d.changes.push({ type: "add", add: true, ln: m++, content: e }), o.additions++, l.newLines--);
      }, h = (e) => {
        if (!d) return;
        const [t] = d.changes.slice(-1);
        d.changes.push({ type: t.type, [t.type]: true, ln1: t.ln1, ln2: t.ln2, ln: t.ln, content: e });
      }, _ = [[/^diff\s/, p], [/^new file mode (\d+)$/, $], [/^deleted file mode (\d+)$/, N], [/^old mode (\d+)$/, x], [/^new mode (\d+)$/, F], [/^index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(\s(\d+))?$/, S], [/^---\s/, k], [/^\+\+\+\s/, y], [/^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/, M], [/^\\ No newline at end of file$/, h]], v = [[/^\\ No newline at end of file$/, h], [/^-/, R], [/^\+/, b], [/^\s*/, g]], C = (e) => {
        for (const [t, r] of v) {
          const c = e.match(t);
          if (c) {
            r(e, c);
            break;
          }
        }
        l.oldLines === 0 && l.newLines === 0 && (l = null);
      }, H = (e) => {
        for (const [t, r] of _) {
          const c = e.match(t);
          if (c) {
            r(e, c);
            break;
          }
        }
      }, O = (e) => {
        l ? C(e) : H(e);
      };
      for (const e of s) O(e);
      return a;
    };
    var fileNameDiffRegex = /(a|i|w|c|o|1|2)\/.*(?=["']? ["']?(b|i|w|c|o|1|2)\/)|(b|i|w|c|o|1|2)\/.*$/g;
    var gitFileHeaderRegex = /^(a|b|i|w|c|o|1|2)\//;
    var parseFiles2 = (n) => n?.match(fileNameDiffRegex)?.map((a) => a.replace(gitFileHeaderRegex, "").replace(/("|')$/, ""));
    var qoutedFileNameRegex = /^\\?['"]|\\?['"]$/g;
    var parseOldOrNewFile = (n) => {
      let s = leftTrimChars(n, "-+").trim();
      return s = removeTimeStamp(s), s.replace(qoutedFileNameRegex, "").replace(gitFileHeaderRegex, "");
    };
    var leftTrimChars = (n, s) => {
      if (n = makeString(n), !s && String.prototype.trimLeft) return n.trimLeft();
      const a = formTrimmingString(s);
      return n.replace(new RegExp(`^${a}+`), "");
    };
    var timeStampRegex = /\t.*|\d{4}-\d\d-\d\d\s\d\d:\d\d:\d\d(.\d+)?\s(\+|-)\d\d\d\d/;
    var removeTimeStamp = (n) => {
      const s = timeStampRegex.exec(n);
      return s && (n = n.substring(0, s.index).trim()), n;
    };
    var formTrimmingString = (n) => n == null ? "\\s" : n instanceof RegExp ? n.source : `[${makeString(n).replace(/([.*+?^=!:${}()|[\]/\\])/g, "\\$1")}]`;
    var makeString = (n) => `${n ?? ""}`;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str2) => REGEX_SPECIAL_CHARS.test(str2);
    exports.isRegexChar = (str2) => str2.length === 1 && exports.hasRegexChars(str2);
    exports.escapeRegex = (str2) => str2.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str2) => str2.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str2) => {
      return str2.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path5, { windows } = {}) => {
      const segs = path5.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str2 = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str2.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str2.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str2;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str2.slice(0, start);
        str2 = str2.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str2.slice(0, lastIndex);
        glob = str2.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str2;
      } else {
        base = str2;
      }
      if (base && base !== "" && base !== "/" && base !== str2) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse2 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num2 = 0) => {
        state.consumed += value2;
        state.index += num2;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push2 = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push2({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push2({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push2({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse2(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push2({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push2({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push2({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push2({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push2({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push2({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push2({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push2({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push2({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push2(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push2({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr2 = tokens.slice();
            const range = [];
            for (let i = arr2.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr2[i].type === "brace") {
                break;
              }
              if (arr2[i].type !== "dots") {
                range.unshift(arr2[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push2({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push2({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push2({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push2({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push2({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push2({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push2({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push2({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push2({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push2({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push2({ type: "plus", value });
            continue;
          }
          push2({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push2({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push2({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push2({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push2({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push2({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push2({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push2({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push2(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push2(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push2(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push2({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str2) => {
        switch (str2) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str2);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse2;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse2 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str2) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str2);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str2, patterns, options) => picomatch2(patterns, options)(str2);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse2(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse2.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse2(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/cli.ts
import fs6 from "node:fs";

// src/engine.ts
import { createHash } from "node:crypto";

// src/types.ts
var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
function reachesThreshold(severity, failOn) {
  if (failOn === "none") return false;
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[failOn];
}

// src/manifests/locate.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/manifests/source.ts
var import_yaml = __toESM(require_dist(), 1);
function makeSourceFile(path5, raw) {
  const hasBom = raw.charCodeAt(0) === 65279;
  const text = hasBom ? raw.slice(1) : raw;
  const firstNl = text.indexOf("\n");
  const eol = firstNl > 0 && text[firstNl - 1] === "\r" ? "\r\n" : "\n";
  const lineCounter = new import_yaml.LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  return { path: path5, text, hasBom, eol, lineCounter };
}
function lineOf(src, offset) {
  return src.lineCounter.linePos(Math.max(0, Math.min(offset, src.text.length))).line;
}
function linesOf(src) {
  return src.text.split(/\r?\n/);
}

// src/manifests/locate.ts
function nodeAt(doc, path5) {
  let node = doc.contents;
  let keyNode = null;
  let depth = 0;
  for (const seg of path5) {
    if (node && (0, import_yaml2.isAlias)(node)) node = node.resolve(doc) ?? null;
    if (!node) break;
    let next = null;
    let nextKey = null;
    if ((0, import_yaml2.isMap)(node) && typeof seg === "string") {
      for (const pair of node.items) {
        const k = pair.key;
        const keyValue = (0, import_yaml2.isScalar)(k) ? k.value : k;
        if (keyValue === seg || (0, import_yaml2.isScalar)(k) && String(k.value) === seg) {
          next = pair.value ?? null;
          nextKey = k ?? null;
          if (next === null && nextKey) {
            keyNode = nextKey;
            depth++;
            return { node: null, keyNode, depth };
          }
          break;
        }
      }
    } else if ((0, import_yaml2.isSeq)(node) && typeof seg === "number") {
      const item = node.items[seg];
      next = (0, import_yaml2.isPair)(item) ? item.value ?? null : item ?? null;
    }
    if (!next) break;
    node = next;
    keyNode = nextKey;
    depth++;
  }
  return { node: depth === path5.length ? node : node, keyNode, depth };
}
function locate(doc, src, path5) {
  const { node, keyNode, depth } = nodeAt(doc, path5);
  const found = depth === path5.length;
  const start = keyNode?.range?.[0] ?? node?.range?.[0];
  if (start === void 0) {
    const line2 = lineOf(src, doc.contents?.range?.[0] ?? doc.range[0]);
    return { line: line2, endLine: line2, found: false };
  }
  const end = node?.range?.[1] ?? keyNode?.range?.[1] ?? start;
  const line = lineOf(src, start);
  const endLine = Math.max(line, lineOf(src, Math.max(start, trimEnd(src.text, end) - 1)));
  return found ? { line, endLine, found } : { line, endLine: line, found };
}
function trimEnd(text, end) {
  let e = Math.min(end, text.length);
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
function positionsOf(doc) {
  const memo = /* @__PURE__ */ new Map();
  const build = (node) => {
    const done = memo.get(node);
    if (done) return done;
    const p = {};
    memo.set(node, p);
    if (node.range) {
      p.s = node.range[0];
      p.e = node.range[1];
    }
    if ((0, import_yaml2.isAlias)(node)) {
      const target = node.resolve(doc);
      p.a = target ? build(target) : null;
    } else if ((0, import_yaml2.isMap)(node)) {
      const m = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        const k = pair.key;
        if (!(0, import_yaml2.isScalar)(k)) continue;
        const key = String(k.value);
        if (m.has(key)) continue;
        const v = pair.value ?? null;
        m.set(key, { k: k.range ? [k.range[0], k.range[1]] : null, v: v ? build(v) : null });
      }
      p.m = m;
    } else if ((0, import_yaml2.isSeq)(node)) {
      p.q = node.items.map((item) => {
        const v = (0, import_yaml2.isPair)(item) ? item.value ?? null : item ?? null;
        return v ? build(v) : null;
      });
    }
    return p;
  };
  const contents = doc.contents;
  return { start: doc.contents?.range?.[0] ?? doc.range[0], root: contents ? build(contents) : null };
}
function locatePositions(pos, src, path5) {
  let node = pos.root;
  let key = null;
  let keyIsSet = false;
  let depth = 0;
  for (const seg of path5) {
    if (node && node.a !== void 0) node = node.a;
    if (!node) break;
    let next = null;
    let nextKey = null;
    if (node.m && typeof seg === "string") {
      const entry = node.m.get(seg);
      if (entry) {
        next = entry.v;
        nextKey = entry.k;
        if (next === null && nextKey) {
          key = nextKey;
          keyIsSet = true;
          depth++;
          node = null;
          break;
        }
      }
    } else if (node.q && typeof seg === "number") {
      next = node.q[seg] ?? null;
    }
    if (!next) break;
    node = next;
    key = nextKey;
    keyIsSet = nextKey !== null;
    depth++;
  }
  const found = depth === path5.length;
  const start = (keyIsSet ? key?.[0] : void 0) ?? node?.s;
  if (start === void 0) {
    const line2 = lineOf(src, pos.start);
    return { line: line2, endLine: line2, found: false };
  }
  const end = node?.e ?? (keyIsSet ? key?.[1] : void 0) ?? start;
  const line = lineOf(src, start);
  const endLine = Math.max(line, lineOf(src, Math.max(start, trimEnd(src.text, end) - 1)));
  return found ? { line, endLine, found } : { line, endLine: line, found };
}
function locateIn(d, src, path5) {
  return d.positions ? locatePositions(d.positions, src, path5) : locate(d.doc, src, path5);
}
function decodePositions(json) {
  const { start, root, nodes } = JSON.parse(json);
  const out = nodes.map(([s, e]) => s === -1 ? {} : { s, e });
  const at = (i) => i === -1 ? null : out[i];
  nodes.forEach(([, , kind, payload], i) => {
    const n = out[i];
    if (kind === 3) n.a = at(payload);
    else if (kind === 1) n.m = new Map(payload.map(([k, ks, ke, v]) => [k, { k: ks === -1 ? null : [ks, ke], v: at(v) }]));
    else if (kind === 2) n.q = payload.map(at);
  });
  return { start, root: at(root) };
}

// src/manifests/resource.ts
function refOf(r) {
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}
function describeResource(r) {
  return r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function getPath(obj2, path5) {
  let cur = obj2;
  for (const seg of path5) {
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return void 0;
      cur = cur[seg];
    } else {
      if (!isObject(cur)) return void 0;
      cur = cur[seg];
    }
  }
  return cur;
}
function asString(v) {
  return typeof v === "string" ? v : void 0;
}
function asArray(v) {
  return Array.isArray(v) ? v : [];
}
function asObject(v) {
  return isObject(v) ? v : {};
}
function asStringMap(v) {
  const out = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === "string") out[k] = val;
    else if (typeof val === "number" || typeof val === "boolean") out[k] = String(val);
  }
  return out;
}

// src/config/config.ts
var import_yaml3 = __toESM(require_dist(), 1);
function emptyConfig() {
  return {
    istioVersion: null,
    defaultNamespace: null,
    mesh: null,
    meshConfigFile: null,
    rules: {},
    external: { namespaces: [], hosts: [], gateways: [], workloads: [] }
  };
}
var LEVELS = /* @__PURE__ */ new Set(["off", "info", "warning", "error"]);
var TOP_KEYS = /* @__PURE__ */ new Set(["istioVersion", "defaultNamespace", "mesh", "meshConfigFile", "rules", "external"]);
function parseReviewConfig(file, text) {
  const config = emptyConfig();
  const errors = [];
  const src = makeSourceFile(file, text);
  const doc = (0, import_yaml3.parseDocument)(src.text, { version: "1.1", uniqueKeys: true });
  for (const e of doc.errors) errors.push({ file, line: lineOf(src, e.pos[0]), message: e.message.split("\n")[0] });
  if (errors.length > 0) return { config, errors };
  const lineAt = (path5) => {
    const node = doc.getIn(path5, true);
    return node?.range ? lineOf(src, node.range[0]) : 1;
  };
  const value = doc.toJS({ maxAliasCount: 50 });
  if (value === null || value === void 0) return { config, errors };
  if (!isObject(value)) return { config, errors: [{ file, line: 1, message: "the config file must be a YAML mapping" }] };
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key)) errors.push({ file, line: lineAt([key]), message: `unknown setting "${key}" (known: ${[...TOP_KEYS].join(", ")})` });
  }
  const str2 = (k) => {
    const v = value[k];
    if (v === void 0 || v === null) return null;
    if (typeof v === "string" || typeof v === "number") return String(v);
    errors.push({ file, line: lineAt([k]), message: `"${k}" must be a string` });
    return null;
  };
  config.istioVersion = str2("istioVersion");
  config.defaultNamespace = str2("defaultNamespace");
  config.meshConfigFile = str2("meshConfigFile");
  if (value.mesh !== void 0 && value.mesh !== null) {
    if (isObject(value.mesh)) config.mesh = value.mesh;
    else errors.push({ file, line: lineAt(["mesh"]), message: '"mesh" must be a mapping of MeshConfig fields' });
  }
  if (value.rules !== void 0 && value.rules !== null) {
    if (!isObject(value.rules)) errors.push({ file, line: lineAt(["rules"]), message: '"rules" must map rule ids to off, info, warning or error' });
    else for (const [id, level] of Object.entries(value.rules)) {
      if (typeof level === "string" && LEVELS.has(level)) config.rules[id] = level;
      else if (level === false) config.rules[id] = "off";
      else errors.push({ file, line: lineAt(["rules", id]), message: `rule "${id}": level must be off, info, warning or error` });
    }
  }
  const ext = value.external;
  if (ext !== void 0 && ext !== null) {
    if (!isObject(ext)) errors.push({ file, line: lineAt(["external"]), message: '"external" must be a mapping' });
    else {
      const strings = (k) => {
        const v = ext[k];
        if (v === void 0 || v === null) return [];
        if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
        errors.push({ file, line: lineAt(["external", k]), message: `external.${k} must be a list of strings` });
        return [];
      };
      config.external.namespaces = strings("namespaces");
      config.external.hosts = strings("hosts");
      config.external.gateways = strings("gateways");
      const w = ext.workloads;
      if (Array.isArray(w)) {
        w.forEach((item, i) => {
          if (isObject(item) && isObject(item.labels)) {
            config.external.workloads.push({ namespace: typeof item.namespace === "string" ? item.namespace : null, labels: asStringMap(item.labels) });
          } else errors.push({ file, line: lineAt(["external", "workloads", i]), message: "each external workload needs `labels` (and optionally `namespace`)" });
        });
      } else if (w !== void 0 && w !== null) errors.push({ file, line: lineAt(["external", "workloads"]), message: "external.workloads must be a list" });
    }
  }
  return { config, errors };
}

// src/mesh/export-to.ts
function exportScope(list, ownerNamespace, meshDefault) {
  const written = list && list.length > 0 ? [...list] : null;
  const effective = written ?? (meshDefault && meshDefault.length > 0 ? [...meshDefault] : ["*"]);
  const scope = { all: false, none: false, namespaces: /* @__PURE__ */ new Set(), written };
  for (const e of effective) {
    if (e === "*") scope.all = true;
    else if (e === "~") scope.none = true;
    else if (e === ".") scope.namespaces.add(ownerNamespace);
    else scope.namespaces.add(e);
  }
  if (scope.all) scope.none = false;
  return scope;
}
function isVisibleFrom(scope, fromNamespace) {
  if (scope.all) return true;
  if (scope.none && scope.namespaces.size === 0) return false;
  return scope.namespaces.has(fromNamespace);
}
function parseExportToAnnotation(value) {
  if (value === void 0) return null;
  const parts = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return parts.length > 0 ? parts : null;
}
function describeScope(scope) {
  if (scope.written === null) return scope.all ? "exported to every namespace (no exportTo)" : `exportTo from the mesh default: [${[...scope.namespaces].join(", ")}]`;
  return `exportTo: [${scope.written.map((s) => JSON.stringify(s)).join(", ")}]`;
}

// src/mesh/hosts.ts
var CLUSTER_DOMAIN = "cluster.local";
function isWildcardHost(host) {
  return host.startsWith("*");
}
function resolveHost(host, namespace) {
  if (host === "*" || host.includes(".")) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}
function serviceHost(name, namespace) {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}
function parseServiceHost(host) {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!host.endsWith(suffix)) return null;
  const parts = host.slice(0, -suffix.length).split(".");
  if (parts.length !== 2 || parts[0] === "*" || !parts[0] || !parts[1]) return null;
  return { name: parts[0], namespace: parts[1] };
}
function hostMatches(pattern, host) {
  if (pattern === host || pattern === "*") return true;
  if (!pattern.startsWith("*")) return false;
  const suffix = pattern.slice(1);
  if (host.startsWith("*")) {
    const hostSuffix = host.slice(1);
    return hostSuffix.endsWith(suffix) && hostSuffix.length >= suffix.length;
  }
  return host.endsWith(suffix) && host.length > suffix.length;
}
function hostsOverlap(a, b) {
  return hostMatches(a, b) || hostMatches(b, a);
}
function hostSpecificity(pattern) {
  return pattern.startsWith("*") ? pattern.length - 1 : 1e6 + pattern.length;
}
function wildcardSuffixesOf(host) {
  const out = [];
  let i = host.indexOf(".");
  while (i !== -1) {
    out.push(host.slice(i + 1));
    i = host.indexOf(".", i + 1);
  }
  return out;
}
var DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function isDns1123Label(s) {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}
function isConcreteDnsName(host) {
  if (host.startsWith("*") || host.length > 255) return false;
  const labels = host.split(".");
  if (labels.some((l) => !/^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(l) || l.length > 63)) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

// src/mesh/settings.ts
var DEFAULT_ISTIO_VERSION = "1.28";
function defaultMeshSettings() {
  return {
    istioVersion: DEFAULT_ISTIO_VERSION,
    rootNamespace: "istio-system",
    istioNamespace: "istio-system",
    defaultServiceExportTo: null,
    defaultVirtualServiceExportTo: null,
    defaultDestinationRuleExportTo: null,
    outboundTrafficPolicy: "ALLOW_ANY",
    dnsCapture: false,
    addressAutoAllocate: false,
    meshConfig: {},
    meshNetworks: null
  };
}
function meshConfigFromDocument(value, parseString) {
  if (!isObject(value)) return {};
  if (value.kind === "ConfigMap" && isObject(value.data) && typeof value.data.mesh === "string") {
    const inner = parseString(value.data.mesh);
    return isObject(inner) ? inner : {};
  }
  return value;
}
function applyMeshConfig(base, mesh) {
  const merged = deepMerge(base.meshConfig, mesh);
  const s = { ...base, meshConfig: merged };
  if (typeof merged.rootNamespace === "string" && merged.rootNamespace) s.rootNamespace = merged.rootNamespace;
  s.defaultServiceExportTo = stringList(merged.defaultServiceExportTo);
  s.defaultVirtualServiceExportTo = stringList(merged.defaultVirtualServiceExportTo);
  s.defaultDestinationRuleExportTo = stringList(merged.defaultDestinationRuleExportTo);
  const otp = isObject(merged.outboundTrafficPolicy) ? merged.outboundTrafficPolicy.mode : void 0;
  if (otp === "REGISTRY_ONLY" || otp === "ALLOW_ANY") s.outboundTrafficPolicy = otp;
  const meta = isObject(merged.defaultConfig) && isObject(merged.defaultConfig.proxyMetadata) ? merged.defaultConfig.proxyMetadata : {};
  const isTrue = (v) => v === true || typeof v === "string" && v.toLowerCase() === "true";
  s.dnsCapture = isTrue(meta.ISTIO_META_DNS_CAPTURE);
  s.addressAutoAllocate = isTrue(meta.ISTIO_META_DNS_AUTO_ALLOCATE) || isTrue(meta.PILOT_ENABLE_IP_AUTOALLOCATE);
  return s;
}
function stringList(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : null;
}
function deepMerge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

// src/manifests/kinds.ts
var ISTIO_GROUPS = {
  "networking.istio.io": {
    VirtualService: ["v1", "v1beta1", "v1alpha3"],
    DestinationRule: ["v1", "v1beta1", "v1alpha3"],
    Gateway: ["v1", "v1beta1", "v1alpha3"],
    ServiceEntry: ["v1", "v1beta1", "v1alpha3"],
    Sidecar: ["v1", "v1beta1", "v1alpha3"],
    WorkloadEntry: ["v1", "v1beta1", "v1alpha3"],
    WorkloadGroup: ["v1", "v1beta1", "v1alpha3"],
    EnvoyFilter: ["v1alpha3"],
    ProxyConfig: ["v1beta1"]
  },
  "security.istio.io": {
    AuthorizationPolicy: ["v1", "v1beta1"],
    PeerAuthentication: ["v1", "v1beta1"],
    RequestAuthentication: ["v1", "v1beta1"]
  },
  "telemetry.istio.io": {
    Telemetry: ["v1", "v1alpha1"]
  },
  "extensions.istio.io": {
    WasmPlugin: ["v1alpha1"],
    TrafficExtension: ["v1alpha1"]
  }
};
function isIstioGroup(group6) {
  return Object.prototype.hasOwnProperty.call(ISTIO_GROUPS, group6);
}
var WORKLOAD_KINDS = /* @__PURE__ */ new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);
var CLUSTER_SCOPED_KINDS = /* @__PURE__ */ new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "StorageClass",
  "PriorityClass",
  "IngressClass",
  "APIService",
  "GatewayClass",
  "CSIDriver",
  "CSINode",
  "RuntimeClass",
  "VolumeAttachment",
  "ClusterIssuer",
  "CertificateSigningRequest",
  "PodSecurityPolicy",
  "MeshNetworks"
]);
var TOOLING_API_GROUPS = /* @__PURE__ */ new Set(["kustomize.config.k8s.io", "config.kubernetes.io"]);
function splitApiVersion(apiVersion) {
  const slash = apiVersion.lastIndexOf("/");
  return slash === -1 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

// src/mesh/workloads.ts
function podTemplatePath(kind) {
  switch (kind) {
    case "Pod":
      return [];
    case "CronJob":
      return ["spec", "jobTemplate", "spec", "template"];
    default:
      return WORKLOAD_KINDS.has(kind) ? ["spec", "template"] : null;
  }
}
function workloadOf(r) {
  if (r.namespace === null) return null;
  if (r.kind === "WorkloadEntry" && r.group === "networking.istio.io") {
    return { kind: r.kind, name: r.name, namespace: r.namespace, labels: asStringMap(r.spec.labels), annotations: r.annotations, podSpec: null, templatePath: ["spec"], resource: r };
  }
  if (r.group !== "" && r.group !== "apps" && r.group !== "batch") return null;
  const tpl = podTemplatePath(r.kind);
  if (!tpl) return null;
  if (r.kind === "Pod") {
    return { kind: r.kind, name: r.name, namespace: r.namespace, labels: r.labels, annotations: r.annotations, podSpec: r.spec, templatePath: ["metadata"], resource: r };
  }
  const template = asObject(getPath(r.obj, tpl));
  const meta = asObject(template.metadata);
  return {
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    labels: asStringMap(meta.labels),
    annotations: asStringMap(meta.annotations),
    podSpec: isObject(template.spec) ? template.spec : null,
    templatePath: [...tpl, "metadata"],
    resource: r
  };
}
function labelsMatch(selector, labels) {
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

// src/mesh/mesh-view.ts
var MeshView = class {
  resources;
  settings;
  config;
  namespaces = /* @__PURE__ */ new Set();
  workloads = [];
  byKindIndex = /* @__PURE__ */ new Map();
  exactHosts = /* @__PURE__ */ new Map();
  wildcardHosts = /* @__PURE__ */ new Map();
  // "*.a.com" indexed under "a.com"
  otherWildcards = [];
  // "*", "*foo.com"
  workloadsByNs = /* @__PURE__ */ new Map();
  workloadsByLabel = /* @__PURE__ */ new Map();
  // "key\0value" → workloads carrying it
  drByHost = /* @__PURE__ */ new Map();
  // resolved host → DRs
  wildcardDrs = [];
  gatewaysByKey = /* @__PURE__ */ new Map();
  // "ns/name" → Istio Gateway (first), else k8s Gateway
  namespaceObjects = /* @__PURE__ */ new Map();
  constructor(resources, settings = defaultMeshSettings(), config = emptyConfig()) {
    this.resources = resources;
    this.settings = settings;
    this.config = config;
    for (const ns of config.external.namespaces) this.namespaces.add(ns);
    this.namespaces.add(settings.rootNamespace);
    for (const r of resources) {
      const key = kindKey(r.group, r.kind);
      let list = this.byKindIndex.get(key);
      if (!list) this.byKindIndex.set(key, list = []);
      list.push(r);
      if (r.kind === "Namespace" && r.group === "") {
        this.namespaces.add(r.name);
        if (!this.namespaceObjects.has(r.name)) this.namespaceObjects.set(r.name, r);
      }
      if (r.kind === "Gateway" && r.namespace !== null && (r.group === "networking.istio.io" || r.group === "gateway.networking.k8s.io")) {
        const key2 = `${r.namespace}/${r.name}`;
        const prev = this.gatewaysByKey.get(key2);
        if (!prev || prev.group !== "networking.istio.io" && r.group === "networking.istio.io") this.gatewaysByKey.set(key2, r);
      }
      const w = workloadOf(r);
      if (w) this.addWorkload(w);
      if (r.group === "" && r.kind === "Service") this.addService(r);
      else if (r.group === "networking.istio.io" && r.kind === "ServiceEntry") this.addServiceEntry(r);
      else if (r.group === "networking.istio.io" && r.kind === "DestinationRule") this.addDestinationRule(r);
    }
    for (const h of config.external.hosts) {
      this.addHost({ host: h, namespace: settings.rootNamespace, exportTo: exportScope(["*"], settings.rootNamespace, null), source: "external", resource: null, ports: [] });
    }
    for (const w of config.external.workloads) {
      const ns = w.namespace ?? settings.istioNamespace;
      this.addWorkload({ kind: "external", name: "(declared in config)", namespace: ns, labels: w.labels, annotations: {}, podSpec: null, templatePath: [], resource: null });
    }
  }
  /** Resources of a kind; `group` defaults to the kind's usual group (Istio kinds: their Istio group). */
  byKind(kind, group6) {
    return this.byKindIndex.get(kindKey(group6 ?? defaultGroup(kind), kind)) ?? [];
  }
  /** Was this namespace seen (a Namespace object, a resource in it, or declared in the config)? */
  hasNamespace(ns) {
    return this.namespaces.has(ns);
  }
  // ---- hosts -------------------------------------------------------------------------------------
  addHost(e) {
    if (e.host === "*" || isWildcardHost(e.host) && !e.host.startsWith("*.")) this.otherWildcards.push(e);
    else if (isWildcardHost(e.host)) push(this.wildcardHosts, e.host.slice(2), e);
    else push(this.exactHosts, e.host, e);
  }
  addService(r) {
    push(this.servicesByNs, r.namespace, r);
    const ns = r.namespace;
    const scope = exportScope(parseExportToAnnotation(r.annotations["networking.istio.io/exportTo"]), ns, this.settings.defaultServiceExportTo);
    const ports = asArray(r.spec.ports).filter(isObject).map((p) => ({
      number: typeof p.port === "number" ? p.port : null,
      name: asString(p.name) ?? null,
      protocol: asString(p.appProtocol) ?? asString(p.protocol) ?? null,
      targetPort: typeof p.targetPort === "number" || typeof p.targetPort === "string" ? p.targetPort : null
    }));
    this.addHost({ host: serviceHost(r.name, ns), namespace: ns, exportTo: scope, source: "Service", resource: r, ports });
  }
  addServiceEntry(r) {
    const ns = r.namespace;
    const scope = exportScope(stringsOf(r.spec.exportTo), ns, this.settings.defaultServiceExportTo);
    const ports = asArray(r.spec.ports).filter(isObject).map((p) => ({
      number: typeof p.number === "number" ? p.number : null,
      name: asString(p.name) ?? null,
      protocol: asString(p.protocol) ?? null,
      targetPort: typeof p.targetPort === "number" ? p.targetPort : null
    }));
    for (const h of stringsOf(r.spec.hosts) ?? []) {
      this.addHost({ host: resolveHost(h, ns), namespace: ns, exportTo: scope, source: "ServiceEntry", resource: r, ports });
    }
  }
  /** Every declaration whose host matches `host` (a resolved FQDN or wildcard), visible or not. */
  hostEntries(host) {
    const out = [];
    if (isWildcardHost(host)) {
      for (const list of this.exactHosts.values()) for (const e of list) if (hostMatches(host, e.host)) out.push(e);
      for (const list of this.wildcardHosts.values()) for (const e of list) if (hostMatches(host, e.host) || hostMatches(e.host, host)) out.push(e);
      for (const e of this.otherWildcards) if (hostMatches(e.host, host) || hostMatches(host, e.host)) out.push(e);
      return out;
    }
    out.push(...this.exactHosts.get(host) ?? []);
    for (const suffix of wildcardSuffixesOf(host)) out.push(...this.wildcardHosts.get(suffix) ?? []);
    for (const e of this.otherWildcards) if (hostMatches(e.host, host)) out.push(e);
    return out;
  }
  /** Declarations of exactly this host string (no wildcard expansion). */
  exactHostEntries(host) {
    if (isWildcardHost(host)) return (host.startsWith("*.") ? this.wildcardHosts.get(host.slice(2)) : this.otherWildcards)?.filter((e) => e.host === host) ?? [];
    return this.exactHosts.get(host) ?? [];
  }
  /** All host declarations. */
  *allHostEntries() {
    for (const l of this.exactHosts.values()) yield* l;
    for (const l of this.wildcardHosts.values()) yield* l;
    yield* this.otherWildcards;
  }
  /** Resolve a host as seen from `fromNamespace`: split matches into visible and hidden by exportTo. */
  lookupHost(host, fromNamespace) {
    const visible = [];
    const hidden = [];
    for (const e of this.hostEntries(host)) {
      (e.namespace === fromNamespace || isVisibleFrom(e.exportTo, fromNamespace) ? visible : hidden).push(e);
    }
    return { visible, hidden };
  }
  /** Does the namespace's Sidecar (selector-less, else the root namespace's) let its workloads see `host` defined in `hostNamespace`?
   *  True when no Sidecar narrows egress. */
  sidecarAllows(fromNamespace, host, hostNamespace) {
    const sidecar = this.defaultSidecar(fromNamespace) ?? this.defaultSidecar(this.settings.rootNamespace);
    if (!sidecar) return { allowed: true, sidecar: null };
    const egress = asArray(sidecar.spec.egress).filter(isObject);
    if (egress.length === 0) return { allowed: true, sidecar };
    for (const e of egress) {
      for (const h of stringsOf(e.hosts) ?? []) {
        const slash = h.indexOf("/");
        if (slash === -1) continue;
        const nsPart = h.slice(0, slash);
        const hostPart = h.slice(slash + 1);
        const nsOk = nsPart === "*" || (nsPart === "." ? hostNamespace === fromNamespace : nsPart === hostNamespace);
        if (nsOk && hostMatches(hostPart, host)) return { allowed: true, sidecar };
      }
    }
    return { allowed: false, sidecar };
  }
  defaultSidecar(ns) {
    if (!this.defaultSidecars) {
      this.defaultSidecars = /* @__PURE__ */ new Map();
      for (const s of this.byKind("Sidecar")) {
        if (s.namespace === null || this.defaultSidecars.has(s.namespace)) continue;
        const sel = asObject(s.spec.workloadSelector);
        if (!isObject(sel.labels) || Object.keys(sel.labels).length === 0) this.defaultSidecars.set(s.namespace, s);
      }
    }
    return this.defaultSidecars.get(ns) ?? null;
  }
  defaultSidecars = null;
  // ---- workloads ---------------------------------------------------------------------------------
  addWorkload(w) {
    this.workloads.push(w);
    push(this.workloadsByNs, w.namespace, w);
    for (const [k, v] of Object.entries(w.labels)) push(this.workloadsByLabel, `${k}\0${v}`, w);
  }
  /** Workloads whose labels contain `selector`; `namespace` null means every namespace.
   *  Uses the label index: only workloads carrying the selector's rarest label are compared. */
  workloadsMatching(selector, namespace) {
    const entries = Object.entries(selector);
    const key = `${namespace ?? ""}${entries.map(([k, v]) => `${k}\0${v}`).sort().join("")}`;
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    let pool = namespace === null ? this.workloads : this.workloadsByNs.get(namespace) ?? [];
    for (const [k, v] of entries) {
      const withLabel = this.workloadsByLabel.get(`${k}\0${v}`) ?? [];
      if (withLabel.length < pool.length) pool = withLabel;
    }
    const result = Object.freeze(pool.filter((w) => (namespace === null || w.namespace === namespace) && labelsMatch(selector, w.labels)));
    this.matchCache.set(key, result);
    return result;
  }
  matchCache = /* @__PURE__ */ new Map();
  /** Kubernetes Services of a namespace. */
  servicesIn(namespace) {
    return this.servicesByNs.get(namespace) ?? [];
  }
  servicesByNs = /* @__PURE__ */ new Map();
  /** Services of the workload's namespace whose (non-empty) selector matches its labels — the Services that send
   *  it traffic. Computed once per workload. */
  servicesSelecting(w) {
    let out = this.selectingCache.get(w);
    if (!out) {
      out = this.servicesIn(w.namespace).filter((s) => {
        const sel = s.spec.selector;
        if (!isObject(sel)) return false;
        const labels = {};
        for (const [k, v] of Object.entries(sel)) if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") labels[k] = String(v);
        return Object.keys(labels).length > 0 && labelsMatch(labels, w.labels);
      });
      this.selectingCache.set(w, out);
    }
    return out;
  }
  selectingCache = /* @__PURE__ */ new Map();
  workloadsIn(namespace) {
    return this.workloadsByNs.get(namespace) ?? [];
  }
  // ---- gateways ----------------------------------------------------------------------------------
  /** An Istio Gateway or a Kubernetes Gateway API Gateway by namespace and name. */
  gateway(namespace, name) {
    return this.gatewaysByKey.get(`${namespace}/${name}`) ?? null;
  }
  /** The Namespace object of that name in the repository, if any (for its labels). */
  namespaceObject(name) {
    return this.namespaceObjects.get(name) ?? null;
  }
  /** Is the gateway declared in the config file as existing outside the repository? */
  isExternalGateway(namespace, name) {
    return this.config.external.gateways.includes(`${namespace}/${name}`);
  }
  // ---- destination rules -------------------------------------------------------------------------
  addDestinationRule(r) {
    const host = asString(r.spec.host);
    if (!host) return;
    const resolved = resolveHost(host, r.namespace);
    if (isWildcardHost(resolved)) this.wildcardDrs.push({ host: resolved, dr: r });
    else push(this.drByHost, resolved, r);
  }
  /** DestinationRules whose host matches `host`, most specific first. */
  destinationRulesMatching(host) {
    const found = [];
    for (const dr of this.drByHost.get(host) ?? []) found.push({ dr, spec: hostSpecificity(host) });
    for (const w of this.wildcardDrs) if (hostMatches(w.host, host)) found.push({ dr: w.dr, spec: hostSpecificity(w.host) });
    return found.sort((a, b) => b.spec - a.spec).map((f) => f.dr);
  }
  /** The DestinationRule Istio applies to traffic from `callerNamespace` to `host` defined in `serviceNamespace`:
   *  the most specific host match in the caller's namespace, then the service's, then the root namespace,
   *  each only when exported to the caller. */
  destinationRuleFor(host, callerNamespace, serviceNamespace) {
    const candidates = this.destinationRulesMatching(host).filter((dr) => {
      if (dr.namespace === callerNamespace) return true;
      const scope = exportScope(stringsOf(dr.spec.exportTo), dr.namespace, this.settings.defaultDestinationRuleExportTo);
      return isVisibleFrom(scope, callerNamespace);
    });
    for (const ns of [callerNamespace, serviceNamespace, this.settings.rootNamespace]) {
      if (ns === null) continue;
      const dr = candidates.find((d) => d.namespace === ns);
      if (dr) return dr;
    }
    return null;
  }
};
function kindKey(group6, kind) {
  return `${group6}/${kind}`;
}
var ISTIO_KIND_GROUP = {
  VirtualService: "networking.istio.io",
  DestinationRule: "networking.istio.io",
  Gateway: "networking.istio.io",
  ServiceEntry: "networking.istio.io",
  Sidecar: "networking.istio.io",
  WorkloadEntry: "networking.istio.io",
  WorkloadGroup: "networking.istio.io",
  EnvoyFilter: "networking.istio.io",
  ProxyConfig: "networking.istio.io",
  AuthorizationPolicy: "security.istio.io",
  PeerAuthentication: "security.istio.io",
  RequestAuthentication: "security.istio.io",
  Telemetry: "telemetry.istio.io",
  WasmPlugin: "extensions.istio.io",
  TrafficExtension: "extensions.istio.io",
  Deployment: "apps",
  StatefulSet: "apps",
  DaemonSet: "apps",
  ReplicaSet: "apps",
  Job: "batch",
  CronJob: "batch",
  HTTPRoute: "gateway.networking.k8s.io",
  GRPCRoute: "gateway.networking.k8s.io",
  TCPRoute: "gateway.networking.k8s.io",
  TLSRoute: "gateway.networking.k8s.io",
  GatewayClass: "gateway.networking.k8s.io",
  CustomResourceDefinition: "apiextensions.k8s.io",
  MutatingWebhookConfiguration: "admissionregistration.k8s.io",
  ValidatingWebhookConfiguration: "admissionregistration.k8s.io"
};
function defaultGroup(kind) {
  return ISTIO_KIND_GROUP[kind] ?? "";
}
function stringsOf(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : null;
}
function push(m, k, v) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

// src/rules/rule.ts
function defineRule(rule) {
  return rule;
}

// src/util/closest.ts
function editDistance(a, b) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[s.length][t.length];
}
function closest(word, candidates) {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best = null;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) return null;
    const dist = editDistance(word, c);
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  return bestD <= limit ? best : null;
}

// src/rules/input/index.ts
var reportedWhileReading = () => {
};
var inputRules = [
  defineRule({
    id: "yaml-syntax",
    severity: "error",
    istioCode: null,
    group: "input",
    fixable: false,
    title: "A file or document is not valid YAML, so nothing in it can be applied or checked.",
    check: reportedWhileReading
  }),
  defineRule({
    id: "duplicate-key",
    severity: "error",
    istioCode: null,
    group: "input",
    fixable: false,
    title: "A mapping repeats a key: kubectl apply rejects the file.",
    check: reportedWhileReading
  }),
  defineRule({
    id: "template-not-checked",
    severity: "info",
    istioCode: null,
    group: "input",
    fixable: false,
    title: "A file holds template syntax outside a chart's templates/ and is not checked.",
    check: reportedWhileReading
  }),
  defineRule({
    id: "not-a-manifest",
    severity: "info",
    istioCode: null,
    group: "input",
    fixable: false,
    title: "A document is not a Kubernetes object (no apiVersion/kind/name, or not a mapping) and is skipped.",
    check: reportedWhileReading
  }),
  defineRule({
    id: "unreadable-file",
    severity: "error",
    istioCode: null,
    group: "input",
    fixable: false,
    title: "A manifest file is binary, not UTF-8, or too large to be a manifest.",
    check: reportedWhileReading
  }),
  defineRule({
    id: "unknown-istio-kind",
    severity: "error",
    istioCode: null,
    group: "input",
    fixable: true,
    title: "A kind or API version that does not exist in an Istio API group (a typo such as ServiceEnrty).",
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!isIstioGroup(r.group)) continue;
        const kinds = ISTIO_GROUPS[r.group];
        const versions = kinds[r.kind];
        if (!versions) {
          const known = Object.keys(kinds);
          const guess = closest(r.kind, known);
          ctx.report({
            resource: r,
            path: ["kind"],
            subject: r.kind,
            message: `${r.group} has no kind "${r.kind}": kubectl apply fails with "no matches for kind". ${guess ? `Did you mean ${guess}?` : `Known kinds: ${known.join(", ")}.`}`,
            fix: guess ? { op: "set", path: ["kind"], value: guess, description: `kind: ${guess}` } : null
          });
        } else if (!versions.includes(r.version)) {
          ctx.report({
            resource: r,
            path: ["apiVersion"],
            subject: r.apiVersion,
            message: `${r.kind} is not served as ${r.apiVersion}: kubectl apply fails with "no matches for kind". Served versions: ${versions.map((v) => `${r.group}/${v}`).join(", ")}.`,
            fix: { op: "set", path: ["apiVersion"], value: `${r.group}/${versions[0]}`, description: `apiVersion: ${r.group}/${versions[0]}` }
          });
        }
      }
    }
  })
];

// src/rules/service-entry/common.ts
import { isIP } from "node:net";
var KNOWN_PROTOCOLS = ["TCP", "UDP", "HTTP", "HTTP2", "HTTPS", "GRPC", "GRPC-WEB", "TLS", "MONGO", "REDIS", "MYSQL", "HTTP_PROXY"];
var HTTP_FAMILY = /* @__PURE__ */ new Set(["HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB"]);
var TLS_FAMILY = /* @__PURE__ */ new Set(["HTTPS", "TLS"]);
function isHttpFamily(protocol) {
  return HTTP_FAMILY.has(protocol.toUpperCase());
}
function isTlsFamily(protocol) {
  return TLS_FAMILY.has(protocol.toUpperCase());
}
function serviceEntries(mesh) {
  return mesh.byKind("ServiceEntry", "networking.istio.io");
}
function destinationRules(mesh) {
  return mesh.byKind("DestinationRule", "networking.istio.io");
}
function resolutionOf(se) {
  const v = se.spec.resolution;
  if (v === void 0 || v === null) return "NONE";
  return typeof v === "string" ? v : null;
}
function locationOf(se) {
  return asString(se.spec.location) ?? "MESH_EXTERNAL";
}
function hostsOf(se) {
  return stringsOf(se.spec.hosts) ?? [];
}
function addressesOf(se) {
  return stringsOf(se.spec.addresses) ?? [];
}
function endpointsOf(se) {
  return asArray(se.spec.endpoints);
}
function hasSelector(se) {
  return isObject(se.spec.workloadSelector);
}
function selectorLabels(se) {
  return asStringMap(asObject(se.spec.workloadSelector).labels);
}
function portsOf(se) {
  const out = [];
  asArray(se.spec.ports).forEach((p, index) => {
    if (!isObject(p)) return;
    out.push({
      index,
      port: p,
      number: typeof p.number === "number" ? p.number : null,
      name: asString(p.name) ?? null,
      protocol: typeof p.protocol === "string" ? p.protocol : null,
      targetPort: typeof p.targetPort === "number" ? p.targetPort : null
    });
  });
  return out;
}
function describePort(p) {
  return p.name ? `${p.number ?? "?"} ("${p.name}")` : `${p.number ?? "?"}`;
}
function scopeOf(mesh, r, defaults = mesh.settings.defaultServiceExportTo) {
  return exportScope(stringsOf(r.spec.exportTo), r.namespace, defaults);
}
function isIpAddress(s) {
  return isIP(s) !== 0;
}
function isIpOrCidr(s) {
  if (isIpAddress(s)) return true;
  const slash = s.indexOf("/");
  if (slash === -1) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const v = isIP(ip);
  if (v === 0 || !/^[0-9]{1,3}$/.test(bits)) return false;
  return Number(bits) <= (v === 4 ? 32 : 128);
}
function tlsForPort(dr, port) {
  const policy = asObject(dr.spec.trafficPolicy);
  if (port !== null) {
    const pls = asArray(policy.portLevelSettings);
    for (let i = 0; i < pls.length; i++) {
      const p = pls[i];
      if (!isObject(p) || asObject(p.port).number !== port) continue;
      if (isObject(p.tls)) return { tls: p.tls, path: ["spec", "trafficPolicy", "portLevelSettings", i, "tls"], mode: asString(p.tls.mode) ?? null };
      break;
    }
  }
  if (isObject(policy.tls)) return { tls: policy.tls, path: ["spec", "trafficPolicy", "tls"], mode: asString(policy.tls.mode) ?? null };
  return null;
}
function originatesTls(t) {
  return t !== null && (t.mode === "SIMPLE" || t.mode === "MUTUAL");
}
function drsApplying(mesh, se, host) {
  const resolved = resolveHost(host, se.namespace);
  const scope = scopeOf(mesh, se);
  const callers = /* @__PURE__ */ new Set([se.namespace]);
  for (const dr of mesh.destinationRulesMatching(resolved)) callers.add(dr.namespace);
  const out = [];
  for (const caller of callers) {
    if (caller !== se.namespace && !isVisibleFrom(scope, caller)) continue;
    const dr = mesh.destinationRuleFor(resolved, caller, se.namespace);
    if (dr && !out.includes(dr)) out.push(dr);
  }
  return out;
}
function tlsOriginatedOn(mesh, se, port) {
  for (const h of hostsOf(se)) {
    for (const dr of drsApplying(mesh, se, h)) if (originatesTls(tlsForPort(dr, port))) return dr;
  }
  return null;
}
function quote(s) {
  return JSON.stringify(s);
}

// src/rules/service-entry/resolution.ts
var group = "service-entry";
function noneFits(se, mesh) {
  if (endpointsOf(se).length > 0 || hasSelector(se)) return false;
  const allocating = mesh.settings.dnsCapture && mesh.settings.addressAutoAllocate;
  return !(allocating && addressesOf(se).length === 0 && portsOf(se).some((p) => !p.protocol || p.protocol === "TCP"));
}
var resolutionRules = [
  defineRule({
    id: "se-static-without-endpoints",
    severity: "error",
    istioCode: null,
    group,
    fixable: true,
    title: "A STATIC ServiceEntry with neither endpoints nor a workloadSelector: there is no address to send traffic to.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (resolutionOf(se) !== "STATIC" || endpointsOf(se).length > 0 || hasSelector(se)) continue;
        const hosts = hostsOf(se);
        const addresses = addressesOf(se);
        const dnsWorks = hosts.length > 0 && hosts.every((h) => h.includes(".") && isConcreteDnsName(h)) && !addresses.some((a) => a.includes("/")) && !(hosts.length > 1 && addresses.length > 0);
        ctx.report({
          resource: se,
          path: ["spec", "resolution"],
          subject: "STATIC",
          message: `resolution: STATIC with no "endpoints" and no "workloadSelector": the entry has no endpoint, so every request to ${hosts.map(quote).join(", ") || "it"} fails with "no healthy upstream" (503 UH). ` + (dnsWorks ? 'Use resolution: DNS to let the sidecar resolve the host names, or list the IPs under "endpoints".' : 'List the backend IPs under "endpoints" or select the workloads with a "workloadSelector".'),
          fix: dnsWorks ? { op: "set", path: ["spec", "resolution"], value: "DNS", description: "resolution: DNS" } : null
        });
      }
    }
  }),
  defineRule({
    id: "se-selector-matches-nothing",
    severity: "warning",
    istioCode: null,
    group,
    fixable: false,
    title: "A STATIC ServiceEntry's workloadSelector matches no Pod, workload or WorkloadEntry of its namespace in this repository.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (resolutionOf(se) !== "STATIC" || !hasSelector(se) || endpointsOf(se).length > 0) continue;
        const labels = selectorLabels(se);
        if (Object.keys(labels).length === 0 || Object.entries(labels).some(([k, v]) => k === "" || k.includes("*") || v.includes("*"))) continue;
        if (ctx.mesh.workloadsMatching(labels, se.namespace).length > 0) continue;
        const sel = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
        ctx.report({
          resource: se,
          path: ["spec", "workloadSelector", "labels"],
          subject: sel,
          message: `workloadSelector {${sel}} matches no Pod, workload or WorkloadEntry of namespace "${se.namespace}": such workloads are not in this repository. If they do not exist in the cluster either, the entry has no endpoints and requests fail with "no healthy upstream" (503 UH). Check the labels, or declare workloads deployed elsewhere in .istio-review.yaml.`
        });
      }
    }
  }),
  defineRule({
    id: "se-selector-on-mesh-external",
    severity: "warning",
    istioCode: null,
    group,
    fixable: false,
    title: "A workloadSelector on a MESH_EXTERNAL ServiceEntry (location defaults to MESH_EXTERNAL); it is meant for mesh-internal workloads.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (!hasSelector(se) || locationOf(se) !== "MESH_EXTERNAL" || resolutionOf(se) === "NONE") continue;
        const written = se.spec.location !== void 0;
        ctx.report({
          resource: se,
          path: written ? ["spec", "location"] : ["spec", "workloadSelector"],
          subject: "location",
          message: `The entry selects workloads with "workloadSelector" but its location is MESH_EXTERNAL${written ? "" : ' (the default, as "location" is not set)'}. Istio documents workloadSelector as applying to MESH_INTERNAL entries only: the selected Pods and WorkloadEntries are mesh workloads, and an external entry treats them as outside the mesh (no Istio mutual TLS, so STRICT PeerAuthentication on them resets the connections). Set location: MESH_INTERNAL, or drop the selector and list external endpoints.`
        });
      }
    }
  }),
  defineRule({
    id: "se-dns-wildcard-host",
    severity: "error",
    istioCode: "IST0106",
    group,
    fixable: true,
    title: "resolution DNS or DNS_ROUND_ROBIN with a wildcard host and no endpoints: Istio rejects the ServiceEntry.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const res = resolutionOf(se);
        if (res !== "DNS" && res !== "DNS_ROUND_ROBIN" || endpointsOf(se).length > 0) continue;
        const hosts = hostsOf(se);
        const wild = hosts.filter((h) => isWildcardHost(h));
        if (wild.length === 0) continue;
        ctx.report({
          resource: se,
          path: ["spec", "resolution"],
          subject: wild.join(","),
          message: `resolution: ${res} cannot resolve the wildcard host ${wild.map(quote).join(", ")}: Istio rejects the ServiceEntry at apply time ("wildcard host names are not allowed with DNS resolution without endpoints"). Use resolution: NONE to pass traffic through to whatever address the app resolved, or list concrete host names.`,
          fix: wild.length === hosts.length && noneFits(se, ctx.mesh) ? { op: "set", path: ["spec", "resolution"], value: "NONE", description: "resolution: NONE" } : null
        });
      }
    }
  }),
  defineRule({
    id: "se-none-with-endpoints",
    severity: "error",
    istioCode: "IST0106",
    group,
    fixable: true,
    title: "resolution NONE with endpoints: Istio rejects the ServiceEntry.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (resolutionOf(se) !== "NONE" || endpointsOf(se).length === 0) continue;
        const addrs = endpointsOf(se).map((e) => isObject(e) ? asString(e.address) : void 0);
        let want = null;
        if (addrs.every((a) => a !== void 0 && (isIpAddress(a) || a.startsWith("unix://")))) want = "STATIC";
        else if (addrs.every((a) => a !== void 0 && !isIpAddress(a) && isConcreteDnsName(a)) && !addressesOf(se).some((a) => a.includes("/"))) want = "DNS";
        const names = new Set(portsOf(se).map((p) => p.name));
        const portsOk = endpointsOf(se).every((e) => Object.keys(isObject(e) && isObject(e.ports) ? e.ports : {}).every((n) => names.has(n)));
        if (want && (!portsOk || hasSelector(se) || want === "DNS" && hostsOf(se).length > 1 && addressesOf(se).length > 0)) want = null;
        const written = se.spec.resolution !== void 0;
        ctx.report({
          resource: se,
          path: se.spec.resolution === void 0 ? ["spec", "endpoints"] : ["spec", "resolution"],
          subject: "NONE",
          message: `resolution: NONE${written ? "" : " (the default)"} cannot have "endpoints": Istio rejects the ServiceEntry at apply time. Use resolution: STATIC for IP endpoints or DNS for host-name endpoints, or drop the endpoints to pass traffic through.`,
          fix: want === null ? null : written ? { op: "set", path: ["spec", "resolution"], value: want, description: `resolution: ${want}` } : { op: "insert", path: ["spec"], key: "resolution", value: want, description: `resolution: ${want}` }
        });
      }
    }
  })
];

// src/rules/service-entry/protocol.ts
var group2 = "service-entry";
function protocolFromName(name) {
  if (!name) return null;
  const prefix = name.split("-")[0].toLowerCase();
  return NAME_PREFIXES[prefix] ?? null;
}
var NAME_PREFIXES = {
  http: "HTTP",
  http2: "HTTP2",
  https: "HTTPS",
  grpc: "GRPC",
  tcp: "TCP",
  tls: "TLS",
  mongo: "MONGO",
  redis: "REDIS",
  mysql: "MYSQL",
  udp: "UDP"
};
function tlsPortDeclaredHttp(p) {
  if (!p.protocol || !["HTTP", "HTTP2", "GRPC"].includes(p.protocol.toUpperCase())) return null;
  const fromName = protocolFromName(p.name);
  if (fromName === "TLS") return "TLS";
  if (fromName === "HTTPS") return "HTTPS";
  if (p.number === 443 && (p.targetPort === null || p.targetPort === 443)) return "HTTPS";
  return null;
}
function isTlsPortDeclaredHttp(mesh, se, p) {
  const want = tlsPortDeclaredHttp(p);
  if (!want) return null;
  if (hasSelector(se) && protocolFromName(p.name) !== want) return null;
  return tlsOriginatedOn(mesh, se, p.number) ? null : want;
}
function sharedHostPort(mesh, se, p) {
  for (const h of hostsOf(se)) {
    for (const e of mesh.exactHostEntries(resolveHost(h, se.namespace))) {
      if (e.resource !== se && e.source === "ServiceEntry" && e.ports.some((x) => x.number === p.number)) return true;
    }
  }
  return false;
}
var protocolRules = [
  defineRule({
    id: "se-tls-port-declared-http",
    severity: "error",
    istioCode: null,
    group: group2,
    fixable: true,
    title: "Port 443, or a port named https\u2026/tls\u2026, declared HTTP, HTTP2 or GRPC with no DestinationRule originating TLS on it.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        for (const p of portsOf(se)) {
          const want = isTlsPortDeclaredHttp(ctx.mesh, se, p);
          if (!want) continue;
          ctx.report({
            resource: se,
            path: ["spec", "ports", p.index, "protocol"],
            subject: String(p.number ?? p.name),
            message: `Port ${describePort(p)} carries TLS but is declared protocol ${quote(p.protocol)}: the sidecar parses the app's TLS bytes as HTTP and requests fail (connection reset, "upstream connect error", or 503/404 NR when no route matches). Declare protocol: ${want} so the TLS passes through by SNI. If the app really sends plain HTTP, keep HTTP but use a port such as 80 with targetPort: 443 and a DestinationRule with tls.mode: SIMPLE for it.`,
            // Not when another entry declares the same host and port: changing one side would make them conflict.
            fix: sharedHostPort(ctx.mesh, se, p) ? null : { op: "set", path: ["spec", "ports", p.index, "protocol"], value: want, description: `protocol: ${want}` }
          });
        }
      }
    }
  }),
  defineRule({
    id: "se-port-name-protocol-mismatch",
    severity: "info",
    istioCode: null,
    group: group2,
    fixable: false,
    title: "A ServiceEntry port name announces one protocol and the protocol field says another (the protocol field wins).",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        for (const p of portsOf(se)) {
          const fromName = protocolFromName(p.name);
          if (!fromName || !p.protocol) continue;
          const proto = p.protocol.toUpperCase();
          if (proto === fromName || fromName === "GRPC" && proto === "GRPC-WEB" || fromName === "HTTP" && proto === "HTTP_PROXY") continue;
          if (isTlsFamily(proto) && isTlsFamily(fromName)) continue;
          if (isTlsPortDeclaredHttp(ctx.mesh, se, p)) continue;
          ctx.report({
            resource: se,
            path: ["spec", "ports", p.index, "name"],
            subject: String(p.number ?? p.name),
            message: `Port name ${quote(p.name)} suggests ${fromName} but the port is declared protocol ${quote(p.protocol)}; in a ServiceEntry the protocol field decides how the sidecar treats the traffic. Rename the port or fix the protocol so readers are not misled.`
          });
        }
      }
    }
  }),
  defineRule({
    id: "se-addresses-required",
    severity: "warning",
    istioCode: "IST0134",
    group: group2,
    fixable: false,
    title: "A TCP (or protocol-less) ServiceEntry port without addresses, when the mesh does not auto-allocate addresses.",
    check(ctx) {
      const s = ctx.mesh.settings;
      if (s.dnsCapture && s.addressAutoAllocate) return;
      for (const se of serviceEntries(ctx.mesh)) {
        if (addressesOf(se).length > 0 || asArray(se.spec.addresses).length > 0) continue;
        const status = se.obj.status;
        if (isObject(status) && asArray(status.addresses).length > 0) continue;
        for (const p of portsOf(se)) {
          if (p.protocol !== null && p.protocol !== "" && p.protocol.toUpperCase() !== "TCP") continue;
          ctx.report({
            resource: se,
            path: ["spec", "ports", p.index, "name"],
            subject: String(p.number ?? p.name),
            message: `Port ${describePort(p)} is ${p.protocol ? "TCP" : "protocol-less (treated as TCP)"} and the entry has no "addresses": for plain TCP the sidecar can only tell destinations apart by IP and port, so traffic to ${hostsOf(se).map(quote).join(", ") || "the host"} on this port is matched as any other traffic to port ${p.number ?? "?"} (passthrough or a different service, connection timeouts with REGISTRY_ONLY). Add the service's IPs under "addresses", or enable DNS capture with address auto-allocation in the mesh (ISTIO_META_DNS_CAPTURE and ISTIO_META_DNS_AUTO_ALLOCATE).`
          });
        }
      }
    }
  }),
  defineRule({
    id: "se-multiple-hosts-non-http-port",
    severity: "error",
    istioCode: "IST0106",
    group: group2,
    fixable: false,
    title: "Several hosts with a port that is neither HTTP nor TLS while resolution is not NONE: Istio rejects the ServiceEntry.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const res = resolutionOf(se);
        if (res === "NONE" || hostsOf(se).length < 2) continue;
        for (const p of portsOf(se)) {
          if (p.protocol && (isHttpFamily(p.protocol) || isTlsFamily(p.protocol))) continue;
          ctx.report({
            resource: se,
            path: p.protocol ? ["spec", "ports", p.index, "protocol"] : ["spec", "ports", p.index],
            subject: String(p.number ?? p.name),
            message: `The entry lists ${hostsOf(se).length} hosts with resolution ${res} and port ${describePort(p)} is ${p.protocol ? quote(p.protocol) : "protocol-less"}: for non-HTTP, non-TLS traffic the sidecar cannot tell the hosts apart, and Istio rejects the ServiceEntry at apply time ("multiple hosts provided with non-HTTP, non-TLS ports"). Split it into one ServiceEntry per host, or use an HTTP/TLS protocol if that is what the port carries.`
          });
        }
      }
    }
  })
];

// src/rules/service-entry/tls.ts
var group3 = "service-entry";
function httpRouteTargets(mesh) {
  const out = [];
  for (const vs of mesh.byKind("VirtualService", "networking.istio.io")) {
    for (const http of asArray(vs.spec.http)) {
      for (const route of asArray(asObject(http).route)) {
        const dest = asObject(asObject(route).destination);
        const host = asString(dest.host);
        const port = asObject(dest.port).number;
        if (host && typeof port === "number") out.push({ host: resolveHost(host, vs.namespace), port });
      }
    }
  }
  return out;
}
function findDoubleTls(mesh) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  let routes2 = null;
  for (const se of serviceEntries(mesh)) {
    for (const p of portsOf(se)) {
      if (!p.protocol || !isTlsFamily(p.protocol) || p.number === null) continue;
      for (const host of hostsOf(se)) {
        for (const dr of drsApplying(mesh, se, host)) {
          const tls = tlsForPort(dr, p.number);
          if (!originatesTls(tls)) continue;
          const key = `${dr.namespace}/${dr.name}|${tls.path.join(".")}`;
          if (seen.has(key)) continue;
          seen.add(key);
          routes2 ??= httpRouteTargets(mesh);
          const resolved = resolveHost(host, se.namespace);
          const routedHttp = routes2.some((r) => r.port === p.number && (hostMatches(resolved, r.host) || hostMatches(r.host, resolved)));
          out.push({ dr, tls, se, host, port: p.number, protocol: p.protocol, routedHttp });
        }
      }
    }
  }
  return out;
}
function tlsSettingsOf(dr) {
  const out = [];
  const policy = asObject(dr.spec.trafficPolicy);
  if (isObject(policy.tls)) out.push({ tls: policy.tls, path: ["spec", "trafficPolicy", "tls"], mode: asString(policy.tls.mode) ?? null });
  asArray(policy.portLevelSettings).forEach((p, i) => {
    const tls = asObject(p).tls;
    if (isObject(tls)) out.push({ tls, path: ["spec", "trafficPolicy", "portLevelSettings", i, "tls"], mode: asString(tls.mode) ?? null });
  });
  return out;
}
function isPortLevel(path5) {
  return path5.includes("portLevelSettings");
}
function missingCa(dr, t) {
  if (!originatesTls(t)) return false;
  if (typeof t.tls.caCertificates === "string" && t.tls.caCertificates !== "") return false;
  const credential = typeof t.tls.credentialName === "string" && t.tls.credentialName !== "";
  return !(credential && isObject(dr.spec.workloadSelector));
}
function reportMissingCa(ctx, portLevel) {
  for (const dr of destinationRules(ctx.mesh)) {
    for (const t of tlsSettingsOf(dr)) {
      if (isPortLevel(t.path) !== portLevel || !missingCa(dr, t)) continue;
      const where = portLevel ? `port ${String(asObject(asObject(asArray(asObject(dr.spec.trafficPolicy).portLevelSettings)[t.path[3]]).port).number ?? "?")}` : "all ports";
      ctx.report({
        resource: dr,
        path: t.path,
        subject: portLevel ? where : "trafficPolicy.tls",
        message: `tls.mode ${t.mode} for ${where} of ${asString(dr.spec.host) ? quote(asString(dr.spec.host)) : "the host"} has no "caCertificates": the server certificate is checked against the proxy's default trust store (system CAs on recent Istio versions; not verified at all on old ones). Set caCertificates (or credentialName) to pin the CA that signs the server's certificate.`
      });
    }
  }
}
var tlsRules = [
  defineRule({
    id: "dr-double-tls",
    severity: "error",
    istioCode: null,
    group: group3,
    fixable: false,
    title: "A DestinationRule originates TLS on a ServiceEntry port declared HTTPS or TLS: apps' TLS gets encrypted twice.",
    check(ctx) {
      for (const d of findDoubleTls(ctx.mesh)) {
        if (d.routedHttp) continue;
        ctx.report({
          resource: d.dr,
          path: [...d.tls.path, "mode"],
          subject: `${d.host}:${d.port}`,
          message: `tls.mode ${d.tls.mode} originates TLS to ${quote(d.host)} port ${d.port}, which ServiceEntry ${d.se.namespace}/${d.se.name} declares ${quote(d.protocol)}: apps reaching that port already speak TLS, so the sidecar wraps TLS in TLS and the server answers with errors such as "wrong version number" or a connection reset. Either let the app speak TLS and drop this tls block (the port stays ${d.protocol} passthrough), or have the app send plain HTTP: declare the ServiceEntry port protocol HTTP (e.g. port 80 with targetPort: 443) and keep the origination for that port.`
        });
      }
    }
  }),
  defineRule({
    id: "dr-double-tls-direct-https",
    severity: "warning",
    istioCode: null,
    group: group3,
    fixable: false,
    title: "A DestinationRule originates TLS on an HTTPS/TLS ServiceEntry port that a VirtualService routes plain HTTP to; apps calling https:// directly break.",
    check(ctx) {
      for (const d of findDoubleTls(ctx.mesh)) {
        if (!d.routedHttp) continue;
        ctx.report({
          resource: d.dr,
          path: [...d.tls.path, "mode"],
          subject: `${d.host}:${d.port}`,
          message: `tls.mode ${d.tls.mode} originates TLS to ${quote(d.host)} port ${d.port}. A VirtualService routes plain HTTP there (the egress-gateway origination pattern), which works, but ServiceEntry ${d.se.namespace}/${d.se.name} declares the port ${quote(d.protocol)}: an app that calls https://${d.host} directly gets its TLS encrypted again and fails with "wrong version number". Make sure apps use http:// for this host, or limit the DestinationRule to the gateway (exportTo or a workloadSelector).`
        });
      }
    }
  }),
  defineRule({
    id: "se-missing-tls-origination",
    severity: "error",
    istioCode: null,
    group: group3,
    fixable: false,
    title: "A ServiceEntry HTTP port with targetPort 443 and no DestinationRule originating TLS: plaintext is sent to a TLS port.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (hasSelector(se)) continue;
        for (const p of portsOf(se)) {
          if (!p.protocol || !["HTTP", "HTTP2", "GRPC"].includes(p.protocol.toUpperCase())) continue;
          let at = p.targetPort === 443 ? ["spec", "ports", p.index, "targetPort"] : null;
          let via = "targetPort 443";
          if (p.name) {
            endpointsOf(se).forEach((ep, i) => {
              const ports = asObject(asObject(ep).ports);
              if (at === null && ports[p.name] === 443) {
                at = ["spec", "endpoints", i, "ports", p.name];
                via = "endpoint port 443";
              }
            });
          }
          if (at === null) continue;
          if (tlsPortDeclaredHttp(p)) continue;
          if (tlsOriginatedOn(ctx.mesh, se, p.number)) continue;
          const host = hostsOf(se)[0] ?? "the host";
          ctx.report({
            resource: se,
            path: at,
            subject: String(p.number ?? p.name),
            message: `Port ${describePort(p)} is declared ${quote(p.protocol)} and forwarded to ${via}, but no DestinationRule originates TLS for it: the sidecar sends plaintext to a TLS port and requests fail (connection reset, or 400 "The plain HTTP request was sent to HTTPS port"). Add a DestinationRule for ${quote(host)} with portLevelSettings for port ${p.number ?? "?"} and tls.mode: SIMPLE.`
          });
        }
      }
    }
  }),
  defineRule({
    id: "dr-ca-certificates-missing",
    severity: "info",
    istioCode: "IST0128",
    group: group3,
    fixable: false,
    title: "A DestinationRule originates TLS (SIMPLE/MUTUAL) in its top-level trafficPolicy without caCertificates.",
    check(ctx) {
      reportMissingCa(ctx, false);
    }
  }),
  defineRule({
    id: "dr-port-ca-certificates-missing",
    severity: "info",
    istioCode: "IST0129",
    group: group3,
    fixable: false,
    title: "A DestinationRule originates TLS (SIMPLE/MUTUAL) in a portLevelSettings entry without caCertificates.",
    check(ctx) {
      reportMissingCa(ctx, true);
    }
  }),
  defineRule({
    id: "dr-sni-mismatch",
    severity: "warning",
    istioCode: null,
    group: group3,
    fixable: false,
    title: "A DestinationRule originating TLS sets an sni that matches none of the target ServiceEntry's hosts.",
    check(ctx) {
      const targetsOf = /* @__PURE__ */ new Map();
      for (const dr of destinationRules(ctx.mesh)) {
        const drHost = asString(dr.spec.host);
        if (!drHost) continue;
        const withSni = tlsSettingsOf(dr).filter((t) => asString(t.tls.sni) && originatesTls(t));
        if (withSni.length === 0) continue;
        const resolved = resolveHost(drHost, dr.namespace);
        let targets = targetsOf.get(resolved);
        if (targets === void 0) {
          const entries = ctx.mesh.hostEntries(resolved);
          targets = entries.length === 0 || entries.some((e) => e.source !== "ServiceEntry" || !e.resource) ? null : new Set(entries.map((e) => e.resource));
          targetsOf.set(resolved, targets);
        }
        if (targets === null) continue;
        for (const t of withSni) {
          const sni = asString(t.tls.sni);
          if (ctx.mesh.hostEntries(sni).some((e) => e.resource !== null && targets.has(e.resource))) continue;
          const shown = [...new Set([...targets].flatMap((r) => hostsOf(r)))];
          ctx.report({
            resource: dr,
            path: [...t.path, "sni"],
            subject: sni,
            message: `sni ${quote(sni)} matches none of the hosts the ServiceEntry declares (${shown.slice(0, 5).map(quote).join(", ")}${shown.length > 5 ? ", \u2026" : ""}): the server picks its certificate by SNI, so it may present one for another name and verification fails ("certificate verify failed") or the request reaches the wrong virtual host. Use the host name the server expects, usually ${quote(drHost)}.`
          });
        }
      }
    }
  })
];

// src/rules/service-entry/overlap.ts
var group4 = "service-entry";
function declarations(mesh) {
  const out = [];
  for (const se of serviceEntries(mesh)) {
    const scope = scopeOf(mesh, se);
    const hosts = hostsOf(se);
    const ports = portsOf(se).filter((p) => p.number !== null);
    hosts.forEach((host, hostIndex) => {
      for (const port of ports) out.push({ se, host, hostIndex, port, protocol: (port.protocol ?? "").toUpperCase(), scope });
    });
  }
  return out;
}
function scopesOverlap(a, b) {
  if (a.all) return b.all || b.namespaces.size > 0;
  if (b.all) return a.namespaces.size > 0;
  for (const ns of a.namespaces) if (b.namespaces.has(ns)) return true;
  return false;
}
function scopeSignature(s) {
  return s.all ? "*" : [...s.namespaces].sort().join(",");
}
function label(se) {
  return `${se.namespace}/${se.name}`;
}
function protoText(p) {
  return p === "" ? "no protocol" : quote(p);
}
function istioScopes(se) {
  const list = stringsOf(se.spec.exportTo) ?? [];
  if (list.length === 0 || list.includes("*")) return ["*"];
  return [...new Set(list.map((e) => e === "." ? se.namespace : e))];
}
var overlapRules = [
  defineRule({
    id: "se-conflicting-protocol",
    severity: "warning",
    istioCode: "IST0177",
    group: group4,
    fixable: false,
    title: "The same host and port declared with different protocols by ServiceEntries visible in the same namespaces.",
    check(ctx) {
      const byKey = /* @__PURE__ */ new Map();
      const stars = /* @__PURE__ */ new Map();
      for (const d of declarations(ctx.mesh)) {
        const hp = `${d.host}|${d.port.number}`;
        for (const s of istioScopes(d.se)) {
          const key = `${s}|${hp}`;
          (byKey.get(key) ?? byKey.set(key, []).get(key)).push(d);
          if (s === "*") (stars.get(hp) ?? stars.set(hp, []).get(hp)).push(d);
        }
      }
      const conflictOf = /* @__PURE__ */ new Map();
      for (const [key, own] of byKey) {
        const hp = key.slice(key.indexOf("|") + 1);
        const all = key.startsWith("*|") ? own : [...own, ...stars.get(hp) ?? []];
        const firstByProtocol = /* @__PURE__ */ new Map();
        for (const d of all) if (!firstByProtocol.has(d.protocol)) firstByProtocol.set(d.protocol, d);
        if (firstByProtocol.size < 2) continue;
        for (const d of all) {
          if (conflictOf.has(d.se)) continue;
          for (const [p, other] of firstByProtocol) if (p !== d.protocol) {
            conflictOf.set(d.se, { mine: d, other });
            break;
          }
        }
      }
      for (const [se, { mine, other }] of conflictOf) {
        ctx.report({
          resource: se,
          path: ["metadata", "name"],
          subject: `${mine.host}:${mine.port.number}`,
          message: `Host ${quote(mine.host)} port ${mine.port.number} is declared with ${protoText(mine.protocol)} here and with ${protoText(other.protocol)} in ServiceEntry ${label(other.se)}: the sidecar builds one listener for the port and only one protocol wins, so traffic that expects the other one breaks (HTTP parsed as TLS or the reverse: resets, 503/404 NR). Declare the port with one protocol in all entries, or merge them.`
        });
      }
    }
  }),
  defineRule({
    id: "se-wildcard-protocol-conflict",
    severity: "warning",
    istioCode: null,
    group: group4,
    fixable: false,
    title: "A wildcard ServiceEntry host and a concrete host it covers give the same port different protocols.",
    check(ctx) {
      const decls = declarations(ctx.mesh);
      const wild = /* @__PURE__ */ new Map();
      for (const d of decls) {
        if (!d.host.startsWith("*.")) continue;
        const key = `${d.host.slice(2)}|${d.port.number}`;
        const reps = wild.get(key) ?? wild.set(key, /* @__PURE__ */ new Map()).get(key);
        const rep = `${d.protocol}|${scopeSignature(d.scope)}`;
        if (!reps.has(rep)) reps.set(rep, d);
      }
      if (wild.size === 0) return;
      const done = /* @__PURE__ */ new Set();
      for (const d of decls) {
        if (d.host.startsWith("*")) continue;
        for (const suffix of wildcardSuffixesOf(d.host)) {
          for (const w of (wild.get(`${suffix}|${d.port.number}`) ?? /* @__PURE__ */ new Map()).values()) {
            if (w.se === d.se || w.protocol === d.protocol || !scopesOverlap(d.scope, w.scope)) continue;
            const key = `${label(d.se)}|${d.host}|${d.port.number}`;
            if (done.has(key)) continue;
            done.add(key);
            if (isHttpFamily(d.protocol) && isTlsFamily(w.protocol) && tlsOriginatedOn(ctx.mesh, d.se, d.port.number)) continue;
            ctx.report({
              resource: d.se,
              path: d.port.protocol !== null ? ["spec", "ports", d.port.index, "protocol"] : ["spec", "ports", d.port.index],
              subject: `${d.host}:${d.port.number}`,
              message: `Port ${d.port.number} is ${protoText(d.protocol)} for ${quote(d.host)} here but ${protoText(w.protocol)} for ${quote(w.host)} in ServiceEntry ${label(w.se)}. Traffic to ${quote(d.host)} uses this entry (the concrete host wins) and the rest of ${quote(w.host)} uses the wildcard one; if apps talk to both the same way, one of them breaks (TLS parsed as HTTP or the reverse: resets, "wrong version number"). Give the port the same protocol in both entries unless the difference is intended.`
            });
          }
        }
      }
    }
  }),
  defineRule({
    id: "se-duplicate-host-port",
    severity: "info",
    istioCode: null,
    group: group4,
    fixable: false,
    title: "The same host and port declared with the same protocol by two ServiceEntries visible in the same namespaces.",
    check(ctx) {
      const byHostPort = /* @__PURE__ */ new Map();
      for (const d of declarations(ctx.mesh)) {
        const key = `${d.host}|${d.port.number}|${d.protocol}`;
        (byHostPort.get(key) ?? byHostPort.set(key, []).get(key)).push(d);
      }
      for (const list of byHostPort.values()) {
        if (list.length < 2) continue;
        const reported = /* @__PURE__ */ new Set();
        const earlier = /* @__PURE__ */ new Map();
        for (let i = 0; i < list.length; i++) {
          const d = list[i];
          let first;
          for (const o of earlier.values()) if (o.se !== d.se && scopesOverlap(o.scope, d.scope)) {
            first = o;
            break;
          }
          const sig = scopeSignature(d.scope);
          if (!earlier.has(sig)) earlier.set(sig, d);
          if (!first || reported.has(d.se)) continue;
          reported.add(d.se);
          ctx.report({
            resource: d.se,
            path: ["spec", "hosts", d.hostIndex],
            subject: `${d.host}:${d.port.number}`,
            message: `Host ${quote(d.host)} port ${d.port.number} is also declared by ServiceEntry ${label(first.se)} with the same protocol: each caller uses only one of the entries (the one in its own namespace, else the oldest), so a change to the other (resolution, endpoints, addresses) can silently have no effect. Keep one entry.`
          });
        }
      }
    }
  })
];

// src/rules/service-entry/validation.ts
var group5 = "service-entry";
var REJECTED = "Istio rejects the ServiceEntry at apply time";
var LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
function hostProblem(host) {
  if (host === "") return "an empty host";
  if (host === "*") return '"*" alone (it would capture all traffic)';
  if (host.length > 255) return "longer than 255 characters";
  const labels = (host.endsWith(".") ? host.slice(0, -1) : host).split(".");
  for (let i = 0; i < labels.length; i++) {
    let l = labels[i];
    if (i === 0 && l.startsWith("*")) {
      if (l === "*") continue;
      l = l.slice(l.startsWith("*-") ? 2 : 1);
    }
    if (l.length > 63 || !LABEL.test(l)) return `not a valid DNS name (label ${quote(labels[i])})`;
  }
  if (labels.length > 1 && /^[0-9]+$/.test(labels[labels.length - 1])) return 'not a DNS name (an IP address or a numeric top-level label); put IPs under "addresses" or "endpoints"';
  return null;
}
function isFqdn(s) {
  return hostProblem(s) === null && !s.includes("*");
}
function report(ctx, se, path5, subject, message) {
  ctx.report({ resource: se, path: path5, subject, message });
}
var validationRules = [
  defineRule({
    id: "se-invalid-host",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: false,
    title: 'ServiceEntry hosts missing, "*" alone, an IP, or not a valid DNS name: Istio rejects the entry.',
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        asArray(se.spec.hosts).forEach((h, i) => {
          const problem = typeof h === "string" ? hostProblem(h) : null;
          if (problem) report(ctx, se, ["spec", "hosts", i], String(h), `Host ${quote(String(h))} is ${problem}: ${REJECTED}.`);
        });
      }
    }
  }),
  defineRule({
    id: "se-partial-wildcard-host",
    severity: "warning",
    istioCode: "IST0133",
    group: group5,
    fixable: false,
    title: "A ServiceEntry host with a partial wildcard (*foo.com), which Istio warns about.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (resolutionOf(se) === "DYNAMIC_DNS") continue;
        hostsOf(se).forEach((h, i) => {
          if (!h.startsWith("*") || h === "*" || h.startsWith("*.") || hostProblem(h)) return;
          report(ctx, se, ["spec", "hosts", i], h, `Host ${quote(h)} is a partial wildcard: it matches any name ending in ${quote(h.slice(1))} (also "x${h.slice(1)}"), not only subdomains, and Istio warns about it. Use "*.${h.slice(1).replace(/^[-.]/, "")}" for subdomains.`);
        });
      }
    }
  }),
  defineRule({
    id: "se-invalid-address",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: false,
    title: "A ServiceEntry address that is not an IP or CIDR, or a CIDR with DNS resolution: Istio rejects the entry.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const res = resolutionOf(se);
        asArray(se.spec.addresses).forEach((a, i) => {
          if (typeof a !== "string") return;
          const s = a;
          if (!isIpOrCidr(s)) {
            report(ctx, se, ["spec", "addresses", i], s, `Address ${quote(s)} is not an IP address or CIDR block: ${REJECTED}. "addresses" holds the virtual IPs apps connect to; host names belong in "hosts" or endpoint addresses.`);
          } else if (s.includes("/") && res !== "NONE" && res !== "STATIC") {
            report(ctx, se, ["spec", "addresses", i], s, `Address ${quote(s)} is a CIDR block but resolution is ${res}: a CIDR needs resolution NONE or STATIC, and ${REJECTED}.`);
          }
        });
      }
    }
  }),
  defineRule({
    id: "se-invalid-port",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: true,
    title: "A ServiceEntry port with a missing, malformed or duplicate name or number, a bad targetPort or an unknown protocol.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const names = /* @__PURE__ */ new Set();
        const numbers = /* @__PURE__ */ new Set();
        asArray(se.spec.ports).forEach((p, i) => {
          const at = ["spec", "ports", i];
          if (!isObject(p)) return;
          const name = asString(p.name);
          const num2 = p.number;
          const id = String(typeof num2 === "number" ? num2 : name ?? `#${i + 1}`);
          if (name !== void 0 && name !== "") {
            if (name.length > 63 || !LABEL.test(name)) report(ctx, se, [...at, "name"], id, `Port name ${quote(name)} is not a DNS label (letters, digits and "-", at most 63): ${REJECTED}.`);
            else if (names.has(name)) report(ctx, se, [...at, "name"], id, `Port name ${quote(name)} is used twice: ${REJECTED}.`);
            names.add(name);
          }
          if (typeof num2 === "number") {
            if (!Number.isInteger(num2) || num2 < 1 || num2 > 65535) {
              report(ctx, se, [...at, "number"], id, `Port ${name ? quote(name) : i + 1} has number ${num2}, not 1-65535: ${REJECTED}.`);
            } else if (numbers.has(num2)) {
              report(ctx, se, [...at, "number"], id, `Port number ${num2} is declared twice: ${REJECTED}. Merge the two entries.`);
            } else numbers.add(num2);
          }
          if (typeof p.targetPort === "number" && p.targetPort > 65535) {
            report(ctx, se, [...at, "targetPort"], id, `targetPort ${p.targetPort} is not a port number 1-65535: ${REJECTED}.`);
          }
          if (typeof p.protocol === "string" && p.protocol !== "") {
            const proto = p.protocol;
            if (!KNOWN_PROTOCOLS.includes(proto.toUpperCase())) {
              const guess = closest(proto, KNOWN_PROTOCOLS);
              ctx.report({
                resource: se,
                path: [...at, "protocol"],
                subject: id,
                message: `Protocol ${quote(proto)} is not one Istio knows (${KNOWN_PROTOCOLS.join(", ")}): ${REJECTED}.${guess ? ` Did you mean ${guess}?` : ""}`,
                fix: guess ? { op: "set", path: [...at, "protocol"], value: guess, description: `protocol: ${guess}` } : null
              });
            }
          }
        });
      }
    }
  }),
  defineRule({
    id: "se-invalid-workload-selector",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: false,
    title: "A ServiceEntry workloadSelector with an empty or wildcard label, or set together with endpoints: Istio rejects the entry.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (!hasSelector(se)) continue;
        const labels = asObject(asObject(se.spec.workloadSelector).labels);
        for (const [k, v] of Object.entries(labels)) {
          if (k === "" || k.includes("*") || String(v).includes("*")) {
            report(ctx, se, ["spec", "workloadSelector", "labels", k], k, `Selector label ${quote(k)}: ${quote(String(v))} is ${k === "" ? "empty" : "a wildcard"}: labels must be matched exactly, and ${REJECTED}.`);
          }
        }
        if (endpointsOf(se).length > 0) {
          report(ctx, se, ["spec", "workloadSelector"], "endpoints", `The entry has both "workloadSelector" and "endpoints": ${REJECTED}. Use the selector for Pods and WorkloadEntries, or list endpoints, not both.`);
        }
      }
    }
  }),
  defineRule({
    id: "se-workload-selector-ignored",
    severity: "warning",
    istioCode: "IST0133",
    group: group5,
    fixable: false,
    title: "A ServiceEntry workloadSelector with no labels, or with resolution NONE, where it selects nothing useful.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (!hasSelector(se)) continue;
        const labels = asObject(asObject(se.spec.workloadSelector).labels);
        if (Object.keys(labels).length === 0) {
          report(ctx, se, ["spec", "workloadSelector"], "empty", "workloadSelector has no labels: it selects every workload of the namespace (Istio warns). Add the labels of the workloads behind this entry.");
        } else if (resolutionOf(se) === "NONE") {
          report(ctx, se, ["spec", "workloadSelector"], "NONE", `workloadSelector is set but resolution is NONE${se.spec.resolution === void 0 ? " (the default)" : ""}: the selected workloads are not used as endpoints (Istio warns). Set resolution: STATIC to send traffic to them.`);
        }
      }
    }
  }),
  defineRule({
    id: "se-addresses-not-allocated",
    severity: "warning",
    istioCode: "IST0133",
    group: group5,
    fixable: false,
    title: "A TCP or protocol-less ServiceEntry port without addresses where Istio does not auto-allocate one (resolution NONE or opted out).",
    check(ctx) {
      const s = ctx.mesh.settings;
      for (const se of serviceEntries(ctx.mesh)) {
        if (asArray(se.spec.addresses).length > 0) continue;
        const optedOut = se.labels["networking.istio.io/enable-autoallocate-ip"] === "false";
        if (resolutionOf(se) !== "NONE" && !optedOut) continue;
        const status = se.obj.status;
        if (isObject(status) && asArray(status.addresses).length > 0) continue;
        const istioWarnsAlready = !(s.dnsCapture && s.addressAutoAllocate);
        for (const p of portsOf(se)) {
          if (p.protocol !== null && p.protocol !== "" && p.protocol !== "TCP") continue;
          if (istioWarnsAlready) continue;
          report(ctx, se, ["spec", "ports", p.index, "name"], String(p.number ?? p.name), `Port ${describePort(p)} is ${p.protocol ? "TCP" : "protocol-less"} and the entry has no "addresses", and Istio does not allocate one ${optedOut ? 'because the entry opts out with networking.istio.io/enable-autoallocate-ip: "false"' : "for resolution NONE"}: TCP traffic can only be matched by destination port, so it may go to the wrong place or pass through. Add "addresses".`);
        }
      }
    }
  }),
  defineRule({
    id: "se-invalid-endpoint",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: false,
    title: "A ServiceEntry endpoint address or port Istio rejects for the entry's resolution.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const res = resolutionOf(se);
        if (res !== "STATIC" && res !== "DNS" && res !== "DNS_ROUND_ROBIN") continue;
        const eps = endpointsOf(se);
        const portNames = new Set(portsOf(se).map((p) => p.name).filter((n) => n !== null));
        if (res === "DNS_ROUND_ROBIN" && eps.length > 1) {
          report(ctx, se, ["spec", "endpoints"], "endpoints", `resolution: DNS_ROUND_ROBIN allows at most one endpoint, and the entry lists ${eps.length}: ${REJECTED}. Use resolution: DNS for several endpoints.`);
        }
        eps.forEach((ep, i) => {
          const at = ["spec", "endpoints", i];
          if (!isObject(ep)) return;
          const addr = asString(ep.address) ?? "";
          const unix = addr.startsWith("unix://");
          if (addr === "") {
            if (!asString(ep.network)) report(ctx, se, at, `#${i}`, `Endpoint ${i + 1} has no "address" (and no "network"): ${REJECTED}.`);
          } else if (res === "STATIC") {
            if (unix) {
              const path5 = addr.slice("unix://".length);
              if (!path5.startsWith("/") && !path5.startsWith("@")) report(ctx, se, [...at, "address"], addr, `Unix endpoint ${quote(addr)} needs an absolute path or an @abstract name: ${REJECTED}.`);
              if (isObject(ep.ports) && Object.keys(ep.ports).length > 0) report(ctx, se, [...at, "ports"], addr, `Unix endpoint ${quote(addr)} cannot list ports: ${REJECTED}.`);
              if (portsOf(se).length !== 1) report(ctx, se, [...at, "address"], `${addr}|ports`, `Unix endpoint ${quote(addr)} needs the entry to have exactly one port: ${REJECTED}.`);
            } else if (!isIpAddress(addr)) {
              report(ctx, se, [...at, "address"], addr, `Endpoint address ${quote(addr)} is not an IP address, and resolution: STATIC needs IPs: ${REJECTED}. Use resolution: DNS for host-name endpoints.`);
            }
          } else if (!isIpAddress(addr) && !isFqdn(addr)) {
            report(ctx, se, [...at, "address"], addr, `Endpoint address ${quote(addr)} is neither an IP address nor a DNS name: ${REJECTED}.`);
          }
          if (isObject(ep.ports)) {
            for (const [name, num2] of Object.entries(ep.ports)) {
              if (!portNames.has(name)) report(ctx, se, [...at, "ports", name], `${addr}|${name}`, `Endpoint port ${quote(name)} is not the name of any port of the entry (${[...portNames].map(quote).join(", ") || "none"}): ${REJECTED}.`);
              else if (typeof num2 !== "number" || num2 < 1 || num2 > 65535) report(ctx, se, [...at, "ports", name], `${addr}|${name}`, `Endpoint port ${quote(name)}: ${quote(String(num2))} is not a port number 1-65535: ${REJECTED}.`);
            }
          }
        });
      }
    }
  }),
  defineRule({
    id: "se-invalid-dynamic-dns",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: false,
    title: "resolution DYNAMIC_DNS with concrete hosts, addresses, endpoints, a non-HTTP/TLS port or a bad location: Istio rejects the entry.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        if (resolutionOf(se) !== "DYNAMIC_DNS") continue;
        hostsOf(se).forEach((h, i) => {
          if (!h.startsWith("*")) report(ctx, se, ["spec", "hosts", i], h, `resolution: DYNAMIC_DNS needs wildcard hosts, and ${quote(h)} is not one: ${REJECTED}. Use resolution: DNS for concrete hosts.`);
        });
        if (addressesOf(se).length > 0) report(ctx, se, ["spec", "addresses"], "addresses", `resolution: DYNAMIC_DNS cannot have "addresses": ${REJECTED}.`);
        if (endpointsOf(se).length > 0) report(ctx, se, ["spec", "endpoints"], "endpoints", `resolution: DYNAMIC_DNS cannot have "endpoints": ${REJECTED}.`);
        for (const p of portsOf(se)) {
          if (p.protocol && ["HTTP", "TLS", "GRPC", "HTTP2"].includes(p.protocol.toUpperCase())) continue;
          report(ctx, se, p.protocol ? ["spec", "ports", p.index, "protocol"] : ["spec", "ports", p.index], String(p.number ?? p.name), `Port ${describePort(p)} is ${p.protocol ? quote(p.protocol) : "protocol-less"}; resolution: DYNAMIC_DNS supports only HTTP, HTTP2, GRPC and TLS ports: ${REJECTED}.`);
        }
        const loc = locationOf(se);
        const waypoint = se.labels["istio.io/use-waypoint"];
        if (loc === "MESH_INTERNAL" && waypoint !== void 0 && waypoint !== "none") {
          report(ctx, se, ["spec", "location"], "location", `resolution: DYNAMIC_DNS with location MESH_INTERNAL cannot use a waypoint (label istio.io/use-waypoint): ${REJECTED}.`);
        }
      }
    }
  }),
  defineRule({
    id: "se-dns-addresses-multiple-hosts",
    severity: "warning",
    istioCode: "IST0133",
    group: group5,
    fixable: false,
    title: "resolution DNS with addresses, several hosts and a TLS port: one address cannot stand for several hosts.",
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const res = resolutionOf(se);
        if (res !== "DNS" && res !== "DNS_ROUND_ROBIN" || endpointsOf(se).length > 0) continue;
        if (addressesOf(se).length === 0 || hostsOf(se).length < 2) continue;
        const p = portsOf(se).find((x) => x.protocol && isTlsFamily(x.protocol));
        if (!p) continue;
        report(ctx, se, ["spec", "addresses"], "addresses", `The entry has ${hostsOf(se).length} hosts, resolution ${res}, "addresses" and the ${quote(p.protocol)} port ${describePort(p)}: traffic to those addresses cannot tell the hosts apart, so connections may go to whichever host resolves first (Istio warns). Use one ServiceEntry per host when you set addresses.`);
      }
    }
  }),
  defineRule({
    id: "se-invalid-export-to",
    severity: "error",
    istioCode: "IST0106",
    group: group5,
    fixable: false,
    title: 'A ServiceEntry exportTo list with a malformed namespace, a duplicate, or "*"/"~" combined with other entries.',
    check(ctx) {
      for (const se of serviceEntries(ctx.mesh)) {
        const list = asArray(se.spec.exportTo);
        const seen = /* @__PURE__ */ new Set();
        const strs = list.map((e) => String(e));
        list.forEach((e, i) => {
          if (typeof e !== "string") return;
          const s = e;
          const norm = s === "." ? se.namespace : s;
          const at = ["spec", "exportTo", i];
          if (s !== "." && s !== "*" && s !== "~" && !isDns1123Label(s)) {
            report(ctx, se, at, s, `exportTo entry ${quote(s)} is not ".", "*", "~" or a namespace name: ${REJECTED}.`);
          } else if (seen.has(norm)) {
            report(ctx, se, at, s, `exportTo lists ${quote(s)}${s === "." || norm === se.namespace ? ` (namespace "${se.namespace}")` : ""} twice: ${REJECTED}.`);
          } else if ((s === "*" || s === "~") && strs.length > 1) {
            report(ctx, se, at, s, `exportTo ${quote(s)} cannot be combined with other entries: ${REJECTED}. ${s === "*" ? 'Use "*" alone to export everywhere.' : 'Use "~" alone to hide the entry.'}`);
          }
          seen.add(norm);
        });
      }
    }
  })
];

// src/rules/service-entry/index.ts
var serviceEntryRules = [...resolutionRules, ...protocolRules, ...tlsRules, ...overlapRules, ...validationRules];

// src/rules/analyzers/traffic/common.ts
var GROUP = "traffic";
var destinationCache = /* @__PURE__ */ new WeakMap();
function routeDestinations(vs) {
  let cached = destinationCache.get(vs);
  if (!cached) destinationCache.set(vs, cached = collectDestinations(vs));
  return cached;
}
function collectDestinations(vs) {
  const out = [];
  const add = (section, dest, destPath, httpIndex) => {
    if (!isObject(dest)) return;
    if (dest.host !== void 0 && typeof dest.host !== "string") return;
    const host = asString(dest.host) ?? "";
    const port = asObject(dest.port);
    out.push({
      section,
      host,
      hostPath: dest.host !== void 0 ? [...destPath, "host"] : destPath,
      port: typeof port.number === "number" ? port.number : null,
      hasPort: isObject(dest.port),
      subset: asString(dest.subset) ?? null,
      httpIndex
    });
  };
  for (const section of ["http", "tcp", "tls"]) {
    asArray(vs.spec[section]).forEach((rule, i) => {
      if (!isObject(rule)) return;
      asArray(rule.route).forEach((rt, j) => {
        if (isObject(rt)) add(section, rt.destination, ["spec", section, i, "route", j, "destination"], section === "http" ? i : null);
      });
      if (section === "http") {
        if (isObject(rule.mirror)) add("mirror", rule.mirror, ["spec", "http", i, "mirror"], i);
        asArray(rule.mirrors).forEach((m, k) => {
          if (isObject(m)) add("mirrors", m.destination, ["spec", "http", i, "mirrors", k, "destination"], i);
        });
      }
    });
  }
  return out;
}
function vsGateways(vs) {
  const out = [];
  asArray(vs.spec.gateways).forEach((g, index) => {
    if (typeof g === "string") out.push({ value: g, index });
  });
  return out;
}
function appliesToMesh(vs) {
  const gws = vsGateways(vs);
  return gws.length === 0 || gws.some((g) => g.value === "mesh");
}
function parseGatewayRef(ref, ownNamespace) {
  const slash = ref.indexOf("/");
  if (slash !== -1) return { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
  const dot = ref.indexOf(".");
  if (dot !== -1) return { namespace: ref.slice(dot + 1).split(".")[0], name: ref.slice(0, dot) };
  return { namespace: ownNamespace, name: ref };
}
function selectorLabels2(v) {
  return asStringMap(v);
}
function repositoryManagesServicesOf(mesh, namespace) {
  let cache4 = managedCache.get(mesh);
  if (!cache4) {
    cache4 = /* @__PURE__ */ new Set();
    for (const s of mesh.byKind("Service", "")) {
      if (s.namespace && !(isObject(s.spec.selector) && "istio" in s.spec.selector)) cache4.add(s.namespace);
    }
    for (const s of mesh.byKind("ServiceEntry")) if (s.namespace) cache4.add(s.namespace);
    managedCache.set(mesh, cache4);
  }
  return cache4.has(namespace);
}
var managedCache = /* @__PURE__ */ new WeakMap();
function isExternalNamespace(mesh, namespace) {
  return mesh.config.external.namespaces.includes(namespace);
}
function judgeHost(mesh, rawHost, fromNamespace) {
  let cache4 = verdictCache.get(mesh);
  if (!cache4) verdictCache.set(mesh, cache4 = /* @__PURE__ */ new Map());
  const key = `${fromNamespace}\0${rawHost}`;
  let v = cache4.get(key);
  if (!v) cache4.set(key, v = judgeHostUncached(mesh, rawHost, fromNamespace));
  return v;
}
var verdictCache = /* @__PURE__ */ new WeakMap();
function judgeHostUncached(mesh, rawHost, fromNamespace) {
  const host = resolveHost(rawHost, fromNamespace);
  const found = mesh.lookupHost(host, fromNamespace);
  if (found.visible.length > 0) {
    let narrowing = null;
    for (const e of found.visible) {
      if (e.source === "external") return { kind: "visible", entries: found.visible };
      const s = mesh.sidecarAllows(fromNamespace, e.host, e.namespace);
      if (s.allowed) return { kind: "visible", entries: found.visible };
      narrowing = s.sidecar;
    }
    return { kind: "sidecar", entries: found.visible, sidecar: narrowing, from: fromNamespace };
  }
  const hidden = found.hidden.filter((e) => e.host !== "*");
  if (hidden.length > 0) return { kind: "hidden", entries: hidden, from: fromNamespace };
  const svc = parseServiceHost(host);
  if (svc) {
    if (isExternalNamespace(mesh, svc.namespace)) return { kind: "unknown" };
    return repositoryManagesServicesOf(mesh, svc.namespace) ? { kind: "missing" } : { kind: "unknown" };
  }
  return { kind: "missing" };
}
function judgeVirtualServiceHost(mesh, vs, rawHost) {
  const ns = vs.namespace;
  const scope = exportScope(stringsOf(vs.spec.exportTo), ns, mesh.settings.defaultVirtualServiceExportTo);
  if (scope.all || scope.namespaces.has(ns) || scope.namespaces.size === 0) return judgeHost(mesh, rawHost, ns);
  const host = resolveHost(rawHost, ns);
  let first = null;
  for (const from of [...scope.namespaces].sort()) {
    const v = judgeHost(mesh, host, from);
    if (v.kind === "visible") return v;
    first ??= v;
  }
  return first;
}
function describeHidden(e) {
  const what2 = e.resource ? `${e.resource.kind} ${e.resource.namespace}/${e.resource.name} (${e.resource.file.path})` : `${e.source} in ${e.namespace}`;
  return `${what2}, ${describeScope(e.exportTo)}`;
}
function exportToFix(e, namespace) {
  const r = e.resource;
  if (!r || e.exportTo.written === null) return null;
  if (e.exportTo.written.includes("~")) return null;
  if (e.source === "ServiceEntry") {
    if (!Array.isArray(r.spec.exportTo)) return null;
    return { target: r, edit: { op: "append", path: ["spec", "exportTo"], value: namespace, description: `export ${r.name} to namespace ${namespace}` } };
  }
  if (e.source === "Service") {
    const current = r.annotations["networking.istio.io/exportTo"];
    if (current === void 0) return null;
    return { target: r, edit: { op: "set", path: ["metadata", "annotations", "networking.istio.io/exportTo"], value: `${current.trim()},${namespace}`, description: `export ${r.name} to namespace ${namespace}` } };
  }
  return null;
}
function singleFixable(entries, namespace) {
  const owners = new Set(entries.map((e) => e.resource));
  if (owners.size !== 1) return null;
  return exportToFix(entries[0], namespace);
}
function namespaceLabels(mesh, ns) {
  const r = mesh.namespaceObject(ns);
  return r ? r.labels : null;
}
function isAmbientNamespace(mesh, ns) {
  const l = namespaceLabels(mesh, ns);
  if (!l) return false;
  return l["istio.io/dataplane-mode"] === "ambient" && l["istio-injection"] !== "enabled" && l["istio.io/rev"] === void 0;
}
function isAmbientWorkload(mesh, w) {
  if (w.annotations["ambient.istio.io/redirection"] === "enabled") return true;
  if (w.kind === "Pod") return false;
  if (w.labels["istio.io/dataplane-mode"] === "none" || w.labels["sidecar.istio.io/inject"] === "true") return false;
  return w.labels["istio.io/dataplane-mode"] === "ambient" || isAmbientNamespace(mesh, w.namespace);
}
function isInMesh(mesh, w) {
  if (w.kind === "external" || w.kind === "WorkloadEntry") return true;
  if (w.annotations["ambient.istio.io/redirection"] === "enabled") return true;
  if (w.podSpec && [...asArray(w.podSpec.containers), ...asArray(w.podSpec.initContainers)].some((c) => isObject(c) && c.name === "istio-proxy" && typeof c.image === "string" && c.image !== "")) return true;
  const inject = w.labels["sidecar.istio.io/inject"] ?? w.annotations["sidecar.istio.io/inject"];
  if (inject !== void 0) return inject === "true";
  const nsLabels = namespaceLabels(mesh, w.namespace);
  if (nsLabels?.["istio-injection"] === "enabled") return true;
  if (w.kind === "Pod") return false;
  if (!nsLabels) return true;
  if (nsLabels["istio-injection"] !== void 0) return false;
  return nsLabels["istio.io/rev"] !== void 0 || nsLabels["istio.io/dataplane-mode"] === "ambient" || w.labels["istio.io/rev"] !== void 0;
}
function isStandardGatewaySelector(selector) {
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  const std = {
    istio: ["ingressgateway", "egressgateway"],
    app: ["istio-ingressgateway", "istio-egressgateway"]
  };
  return keys.every((k) => std[k]?.includes(selector[k]));
}
function describeSelector(selector) {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",");
}

// src/rules/analyzers/traffic/vs-destinations.ts
function what(d) {
  return d.section === "mirror" || d.section === "mirrors" ? "mirror host" : "destination host";
}
function eachDestination(mesh, fn) {
  for (const vs of mesh.byKind("VirtualService")) {
    if (vs.namespace === null) continue;
    for (const d of routeDestinations(vs)) fn(vs, d);
  }
}
function closestServiceHost(mesh, rawHost, vsNamespace) {
  const fq = resolveHost(rawHost, vsNamespace);
  const svc = parseServiceHost(fq);
  if (!svc) return null;
  const names = mesh.servicesIn(svc.namespace).map((s) => s.name);
  const guess = closest(svc.name, names);
  if (!guess) return null;
  return rawHost.includes(".") ? `${guess}.${svc.namespace}.svc.cluster.local` : guess;
}
var vsDestinationHostNotFound = defineRule({
  id: "vs-destination-host-not-found",
  severity: "warning",
  istioCode: "IST0101",
  kialiCode: "KIA1101",
  group: GROUP,
  fixable: true,
  title: "A VirtualService routes or mirrors to a host no Service or ServiceEntry in the repository declares.",
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind !== "missing") return;
      const fq = resolveHost(d.host, vs.namespace);
      const guess = d.host === "" ? null : closestServiceHost(ctx.mesh, d.host, vs.namespace);
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: d.host,
        message: d.host === "" ? `A ${d.section} destination of VirtualService ${vs.namespace}/${vs.name} has no host: Istio rejects or ignores the route.` : `The ${what(d)} "${d.host}"${fq !== d.host ? ` (${fq})` : ""} is not declared by any Service or ServiceEntry in this repository. If nothing declares it in the cluster either, requests on this route fail with 503 (NR, no route / cluster not found). ` + (guess ? `Did you mean "${guess}"? ` : "") + `Fix the host, add the Service or ServiceEntry, or declare the host under \`external.hosts\` in .istio-review.yaml.`,
        fix: guess && d.hostPath[d.hostPath.length - 1] === "host" ? { op: "set", path: d.hostPath, value: guess, description: `host: ${guess}` } : null
      });
    });
  }
});
var vsDestinationHostNotVisible = defineRule({
  id: "vs-destination-host-not-visible",
  severity: "error",
  istioCode: "IST0101",
  kialiCode: "KIA1101",
  group: GROUP,
  fixable: true,
  title: "A VirtualService routes to a host that is defined, but not exported to the VirtualService's namespace.",
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind === "sidecar") {
        ctx.report({
          resource: vs,
          path: d.hostPath,
          subject: d.host,
          message: `The ${what(d)} "${d.host}" is exported to "${verdict.from}", but Sidecar ${verdict.sidecar.namespace}/${verdict.sidecar.name} limits what that namespace's proxies import (egress.hosts) and leaves it out: those proxies have no cluster for it and the route answers 503 (NR). Add "${verdict.entries[0].namespace}/${d.host}" (or "${verdict.entries[0].namespace}/*") to the Sidecar's egress hosts.`
        });
        return;
      }
      if (verdict.kind !== "hidden") return;
      const from = verdict.from;
      const fix = singleFixable(verdict.entries, from);
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: d.host,
        message: `The ${what(d)} "${d.host}" is defined by ${verdict.entries.map(describeHidden).join("; ")}, which does not include namespace "${from}". Proxies in "${from}" get no cluster for it: the route answers 503 (NR). Export the host to "${from}".`,
        fix: fix?.edit ?? null,
        fixTarget: fix?.target
      });
    });
  }
});
var vsDestinationPortRequired = defineRule({
  id: "vs-destination-port-required",
  severity: "warning",
  istioCode: "IST0112",
  group: GROUP,
  fixable: false,
  title: "A VirtualService destination has no port while its host exposes several ports.",
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.hasPort) return;
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind !== "visible") return;
      const ports = portsOf2(verdict.entries);
      if (ports === null || ports.length <= 1) return;
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: d.host,
        message: vsGateways(vs).some((g) => g.value !== "mesh") ? `The ${what(d)} "${d.host}" exposes several ports (${ports.join(", ")}) and the destination does not say which: a gateway cannot infer it, so requests through the gateway go nowhere useful (a black-hole or the wrong port). Add \`port: {number: \u2026}\` to the destination.` : `The ${what(d)} "${d.host}" exposes several ports (${ports.join(", ")}) and the destination does not say which: sidecars fall back to the port the caller used, which is ambiguous as soon as the route is shared or used from a gateway. Add \`port: {number: \u2026}\` to the destination.`
      });
    });
  }
});
var vsDestinationPortNotFound = defineRule({
  id: "vs-destination-port-not-found",
  severity: "error",
  istioCode: "IST0101",
  group: GROUP,
  fixable: true,
  title: "A VirtualService destination names a port its host does not expose.",
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (!d.hasPort || d.port === null) return;
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind !== "visible") return;
      const ports = portsOf2(verdict.entries);
      if (ports === null || ports.length === 0 || ports.includes(d.port)) return;
      const portPath = [...d.hostPath.slice(0, -1), "port", "number"];
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: `${d.host}:${d.port}`,
        message: `The ${what(d)} "${d.host}" has no port ${d.port} (it exposes ${ports.join(", ")}): requests on this route fail with 503 (NR). Use one of the service's ports (the Service \`port\`, not its targetPort).`,
        fix: ports.length === 1 && d.hostPath[d.hostPath.length - 1] === "host" ? { op: "set", path: portPath, value: ports[0], description: `port ${ports[0]}` } : null
      });
    });
  }
});
function portsOf2(entries) {
  if (entries.some((e) => e.source === "external")) return null;
  const exact = entries.filter((e) => !e.host.startsWith("*"));
  const chosen = exact.length > 0 ? exact : entries;
  const out = /* @__PURE__ */ new Set();
  for (const e of chosen) for (const p of e.ports) if (p.number !== null) out.add(p.number);
  return [...out].sort((a, b) => a - b);
}
function subsetsFor(mesh, vs, d) {
  const drs = mesh.destinationRulesMatching(resolveHost(d.host, vs.namespace));
  const names = [];
  for (const dr of drs) for (const s of asArray(dr.spec.subsets)) if (isObject(s) && typeof s.name === "string") names.push(s.name);
  return { drs, names };
}
var vsSubsetNotFound = defineRule({
  id: "vs-subset-not-found",
  severity: "error",
  istioCode: "IST0101",
  kialiCode: "KIA1107",
  group: GROUP,
  fixable: true,
  title: "A VirtualService routes to a subset that the DestinationRules for the host do not define.",
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.subset === null || d.host === "") return;
      const { drs, names } = subsetsFor(ctx.mesh, vs, d);
      if (drs.length === 0 || names.includes(d.subset)) return;
      const guess = closest(d.subset, names);
      const subsetPath = [...d.hostPath.slice(0, -1), "subset"];
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: `${d.host}+${d.subset}`,
        message: `No DestinationRule for "${d.host}" defines subset "${d.subset}" (${drs.map((r) => `${r.namespace}/${r.name}`).join(", ")} define${drs.length === 1 ? "s" : ""}: ${names.length > 0 ? names.map((n) => `"${n}"`).join(", ") : "no subsets"}): requests on this route fail with 503 (NR).${guess ? ` Did you mean "${guess}"?` : ""}`,
        fix: guess && d.hostPath[d.hostPath.length - 1] === "host" ? { op: "set", path: subsetPath, value: guess, description: `subset: ${guess}` } : null
      });
    });
  }
});
var drNsCache = /* @__PURE__ */ new WeakMap();
function destinationRuleNamespaces(mesh) {
  let s = drNsCache.get(mesh);
  if (!s) {
    s = /* @__PURE__ */ new Set();
    for (const dr of mesh.byKind("DestinationRule")) if (dr.namespace) s.add(dr.namespace);
    drNsCache.set(mesh, s);
  }
  return s;
}
var vsSubsetWithoutDestinationRule = defineRule({
  id: "vs-subset-without-destination-rule",
  severity: "warning",
  istioCode: "IST0101",
  kialiCode: "KIA1107",
  group: GROUP,
  fixable: false,
  title: "A VirtualService routes to a subset of a host for which the repository has no DestinationRule.",
  check(ctx) {
    const drNamespaces = destinationRuleNamespaces(ctx.mesh);
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.subset === null || d.host === "") return;
      if (subsetsFor(ctx.mesh, vs, d).drs.length > 0) return;
      const svc = parseServiceHost(resolveHost(d.host, vs.namespace));
      if (!drNamespaces.has(vs.namespace) && !(svc && drNamespaces.has(svc.namespace))) return;
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: `${d.host}+${d.subset}`,
        message: `The ${what(d)} "${d.host}" names subset "${d.subset}", but no DestinationRule in this repository is for that host: unless one exists in the cluster, requests on this route fail with 503 (NR). Add a DestinationRule defining the subset, or remove \`subset\`.`
      });
    });
  }
});
var vsIngressRouteWithoutSubset = defineRule({
  id: "vs-ingress-route-ignores-subsets",
  severity: "warning",
  istioCode: "IST0140",
  group: GROUP,
  fixable: false,
  title: "A gateway VirtualService routes to a host without a subset while the mesh VirtualService of that host splits it by subset.",
  check(ctx) {
    const subsetRouted = /* @__PURE__ */ new Map();
    for (const vs of ctx.mesh.byKind("VirtualService")) {
      const own = new Set(asArray(vs.spec.hosts).map((h) => asString(h)).filter((h) => !!h));
      for (const d of routeDestinations(vs)) {
        if (d.section !== "http" || d.subset === null || !own.has(d.host)) continue;
        const l = subsetRouted.get(d.host) ?? [];
        l.push(vs);
        subsetRouted.set(d.host, l);
      }
    }
    if (subsetRouted.size === 0) return;
    for (const vs of ctx.mesh.byKind("VirtualService")) {
      if (vsGateways(vs).length === 0) continue;
      for (const d of routeDestinations(vs)) {
        if (d.section !== "http" || d.subset !== null) continue;
        const others = subsetRouted.get(d.host);
        if (!others) continue;
        const seen = /* @__PURE__ */ new Set();
        for (const other of others) {
          if (seen.has(other)) continue;
          seen.add(other);
          ctx.report({
            resource: vs,
            path: d.hostPath,
            subject: `${d.host}|${other.namespace}/${other.name}`,
            message: `VirtualService ${other.namespace}/${other.name} splits "${d.host}" by subset, but this gateway route sends to "${d.host}" without a subset: a gateway does not apply the mesh VirtualService, so traffic entering here ignores that split (e.g. reaches every version). Name the subset here too.`
          });
        }
      }
    }
  }
});
var vsDestinationRules = [
  vsDestinationHostNotFound,
  vsDestinationHostNotVisible,
  vsDestinationPortRequired,
  vsDestinationPortNotFound,
  vsSubsetNotFound,
  vsSubsetWithoutDestinationRule,
  vsIngressRouteWithoutSubset
];

// src/rules/analyzers/traffic/vs-gateways.ts
var INTERNAL_GATEWAY = "istio-autogenerated-k8s-gateway";
function boundGateways(mesh) {
  const out = [];
  for (const vs of mesh.byKind("VirtualService")) {
    if (vs.namespace === null) continue;
    for (const g of vsGateways(vs)) {
      if (g.value === "mesh" || g.value.includes(INTERNAL_GATEWAY)) continue;
      let ref = parseGatewayRef(g.value, vs.namespace);
      let gateway = mesh.gateway(ref.namespace, ref.name);
      if (!gateway && !g.value.includes("/")) {
        const own = mesh.gateway(vs.namespace, g.value);
        if (own) {
          ref = { namespace: vs.namespace, name: g.value };
          gateway = own;
        }
      }
      out.push({ vs, ref: g.value, index: g.index, namespace: ref.namespace, name: ref.name, gateway });
    }
  }
  return out;
}
var vsGatewayNotFound = defineRule({
  id: "vs-gateway-not-found",
  severity: "warning",
  istioCode: "IST0101",
  kialiCode: "KIA1102",
  group: GROUP,
  fixable: false,
  title: "A VirtualService binds to a gateway that is not defined in the repository.",
  check(ctx) {
    for (const b of boundGateways(ctx.mesh)) {
      if (b.gateway || ctx.mesh.isExternalGateway(b.namespace, b.name)) continue;
      ctx.report({
        resource: b.vs,
        path: ["spec", "gateways", b.index],
        subject: b.ref,
        message: `VirtualService ${b.vs.namespace}/${b.vs.name} binds to gateway "${b.ref}" (${b.namespace}/${b.name}), which no Gateway in this repository defines. If it does not exist in the cluster either, the routes are never applied and requests through the gateway get 404. Fix the name (namespace/name), or declare the gateway under \`external.gateways\` in .istio-review.yaml.`
      });
    }
  }
});
var vsInternalGateway = defineRule({
  id: "vs-internal-gateway",
  severity: "warning",
  istioCode: "IST0165",
  group: GROUP,
  fixable: false,
  title: "A VirtualService binds to an internal gateway Istio generates for Kubernetes Gateway API resources.",
  check(ctx) {
    for (const vs of ctx.mesh.byKind("VirtualService")) {
      for (const g of vsGateways(vs)) {
        if (!g.value.includes(INTERNAL_GATEWAY)) continue;
        ctx.report({
          resource: vs,
          path: ["spec", "gateways", g.index],
          subject: g.value,
          message: `Gateway "${g.value}" is generated internally by Istio for a Kubernetes Gateway; binding to it is unsupported and may stop working without notice. Bind to the Kubernetes Gateway (namespace/name) or use an HTTPRoute.`
        });
      }
    }
  }
});
function gatewayHostsFor(gw, vsNamespace) {
  const hosts = [];
  if (gw.group === "gateway.networking.k8s.io") {
    for (const l of asArray(gw.spec.listeners)) {
      if (!isObject(l)) continue;
      const h = asString(l.hostname);
      if (!h) return null;
      hosts.push(h);
    }
    return hosts;
  }
  for (const s of asArray(gw.spec.servers)) {
    if (!isObject(s)) continue;
    for (const h of stringsOf(s.hosts) ?? []) {
      const slash = h.indexOf("/");
      if (slash === -1) {
        hosts.push(h);
        continue;
      }
      const ns = h.slice(0, slash);
      const host = h.slice(slash + 1);
      if (ns === "*" || ns === vsNamespace || ns === "." && gw.namespace === vsNamespace) hosts.push(host);
    }
  }
  return hosts;
}
var vsHostNotInGateway = defineRule({
  id: "vs-host-not-in-gateway",
  severity: "warning",
  istioCode: "IST0132",
  group: GROUP,
  fixable: false,
  title: "None of a VirtualService's hosts is served by a gateway it binds to.",
  check(ctx) {
    for (const b of boundGateways(ctx.mesh)) {
      const vsHosts = stringsOf(b.vs.spec.hosts) ?? [];
      if (!b.gateway) {
        if (ctx.mesh.isExternalGateway(b.namespace, b.name)) continue;
        if (b.namespace !== b.vs.namespace && !gatewayNamespaces(ctx.mesh).has(b.namespace)) continue;
        ctx.report({
          resource: b.vs,
          path: ["spec", "gateways", b.index],
          subject: b.ref,
          message: `Gateway "${b.ref}" does not exist, so no gateway server accepts the hosts ${vsHosts.map((h) => `"${h}"`).join(", ")} of this VirtualService: its routes are never used.`
        });
        continue;
      }
      const gwHosts = gatewayHostsFor(b.gateway, b.vs.namespace);
      if (gwHosts === null) continue;
      if (vsHosts.some((vh) => gwHosts.some((gh) => hostsOverlap(gh, vh)))) continue;
      ctx.report({
        resource: b.vs,
        path: ["spec", "gateways", b.index],
        subject: b.ref,
        message: `None of this VirtualService's hosts (${vsHosts.map((h) => `"${h}"`).join(", ") || "none"}) is served to namespace "${b.vs.namespace}" by ${b.gateway.kind} ${b.gateway.namespace}/${b.gateway.name} (its hosts: ${gwHosts.map((h) => `"${h}"`).join(", ") || "none"}): the gateway ignores these routes and requests get 404. Add the host to the gateway's servers (or its namespace prefix) or fix the VirtualService host.`
      });
    }
  }
});
var gwNsCache = /* @__PURE__ */ new WeakMap();
function gatewayNamespaces(mesh) {
  let s = gwNsCache.get(mesh);
  if (!s) {
    s = /* @__PURE__ */ new Set();
    for (const g of mesh.byKind("Gateway")) if (g.namespace) s.add(g.namespace);
    for (const g of mesh.byKind("Gateway", "gateway.networking.k8s.io")) if (g.namespace) s.add(g.namespace);
    gwNsCache.set(mesh, s);
  }
  return s;
}
function usesClaimRouting(vs) {
  for (const h of asArray(vs.spec.http)) {
    if (!isObject(h)) continue;
    for (const m of asArray(h.match)) {
      if (!isObject(m)) continue;
      for (const key of [...Object.keys(asObject(m.headers)), ...Object.keys(asObject(m.withoutHeaders))]) {
        if (key.startsWith("@request.auth.claims.") || key.startsWith("@request.auth.claims[")) return true;
      }
    }
  }
  return false;
}
var vsJwtClaimRouteWithoutAuthn = defineRule({
  id: "vs-jwt-claim-route-without-authn",
  severity: "error",
  istioCode: "IST0149",
  group: GROUP,
  fixable: false,
  title: "A VirtualService routes on JWT claims at a gateway whose workloads no RequestAuthentication covers.",
  check(ctx) {
    const ras = ctx.mesh.byKind("RequestAuthentication");
    const meshWide = /* @__PURE__ */ new Set([ctx.mesh.settings.rootNamespace, ctx.mesh.settings.istioNamespace]);
    for (const b of boundGateways(ctx.mesh)) {
      if (!b.gateway || b.gateway.group !== "networking.istio.io" || !usesClaimRouting(b.vs)) continue;
      const selector = selectorLabels2(b.gateway.spec.selector);
      for (const w of ctx.mesh.workloadsMatching(selector, null)) {
        const covered = ras.some((ra) => (ra.namespace === w.namespace || meshWide.has(ra.namespace)) && labelsMatch(selectorLabels2(asObject(ra.spec.selector).matchLabels), w.labels));
        if (covered) continue;
        ctx.report({
          resource: b.vs,
          path: ["spec", "gateways", b.index],
          subject: `${b.ref}|${w.kind}/${w.namespace}/${w.name}`,
          message: `This VirtualService matches on \`@request.auth.claims\` at gateway "${b.ref}", but no RequestAuthentication (in ${[...meshWide].join(" or ")}, or in "${w.namespace}") applies to its workload ${w.kind} ${w.namespace}/${w.name}: claims are never extracted there, so these matches never succeed. Add a RequestAuthentication selecting the gateway workload.`
        });
      }
    }
  }
});
var vsConflictingMeshHosts = defineRule({
  id: "vs-conflicting-mesh-hosts",
  severity: "error",
  istioCode: "IST0109",
  kialiCode: "KIA1106",
  group: GROUP,
  fixable: false,
  title: "Two VirtualServices bound to the mesh define the same host for the same namespaces.",
  check(ctx) {
    const ALL = "*";
    const byScope = /* @__PURE__ */ new Map();
    const allExact = /* @__PURE__ */ new Map();
    const allWild = /* @__PURE__ */ new Map();
    const allOther = [];
    for (const vs of ctx.mesh.byKind("VirtualService")) {
      if (vs.namespace === null || !appliesToMesh(vs)) continue;
      const scope = exportScope(stringsOf(vs.spec.exportTo), vs.namespace, ctx.mesh.settings.defaultVirtualServiceExportTo);
      const scopes = scope.all ? [ALL] : [...scope.namespaces];
      for (const raw of new Set(stringsOf(vs.spec.hosts) ?? [])) {
        const host = resolveHost(raw, vs.namespace);
        for (const s of scopes) {
          const k = `${s}|${host}`;
          const l = byScope.get(k) ?? [];
          if (!l.some((x) => x.vs === vs)) l.push({ vs, host });
          byScope.set(k, l);
        }
        if (scope.all) {
          if (host.startsWith("*.")) (allWild.get(host.slice(2)) ?? allWild.set(host.slice(2), []).get(host.slice(2))).push({ vs, host });
          else if (host.startsWith("*")) allOther.push({ vs, host });
          else (allExact.get(host) ?? allExact.set(host, []).get(host)).push(vs);
        }
      }
    }
    const conflicts = /* @__PURE__ */ new Map();
    const note = (vs, host, others) => {
      const c = conflicts.get(vs) ?? { host, others: /* @__PURE__ */ new Set() };
      for (const o of others) if (o !== vs) c.others.add(o);
      if (c.others.size > 0) conflicts.set(vs, c);
    };
    for (const [key, list] of byScope) {
      const bar = key.indexOf("|");
      const scope = key.slice(0, bar);
      const host = key.slice(bar + 1);
      let group6 = list.map((x) => x.vs);
      if (scope !== ALL) {
        const wide = [...allExact.get(host) ?? []];
        if (host.startsWith("*")) {
          for (const [h, l] of allExact) if (hostsOverlap(host, h)) wide.push(...l);
          for (const l of allWild.values()) for (const x of l) if (hostsOverlap(x.host, host)) wide.push(x.vs);
        } else {
          for (const suffix of wildcardSuffixesOf(host)) for (const x of allWild.get(suffix) ?? []) wide.push(x.vs);
        }
        for (const x of allOther) if (hostsOverlap(x.host, host)) wide.push(x.vs);
        group6 = [.../* @__PURE__ */ new Set([...group6, ...wide])];
      }
      if (group6.length < 2) continue;
      for (const vs of group6) note(vs, host, group6);
    }
    for (const [vs, c] of conflicts) {
      const others = [...c.others].map((o) => `${o.namespace}/${o.name}`).sort();
      ctx.report({
        resource: vs,
        path: ["metadata", "name"],
        subject: c.host,
        message: `VirtualService ${vs.namespace}/${vs.name} and ${others.join(", ")} all define host "${c.host}" for the mesh in the same namespaces: Istio keeps only one of them (the oldest), so the other's routes are silently ignored. Merge them into one VirtualService.`
      });
    }
  }
});
var vsGatewayRules = [vsGatewayNotFound, vsInternalGateway, vsHostNotInGateway, vsJwtClaimRouteWithoutAuthn, vsConflictingMeshHosts];

// src/rules/analyzers/traffic/destination-rule.ts
function hostOf(dr) {
  return typeof dr.spec.host === "string" && dr.spec.host !== "" ? dr.spec.host : null;
}
var drHostNotFound = defineRule({
  id: "dr-host-not-found",
  severity: "warning",
  istioCode: "IST0174",
  kialiCode: "KIA0202",
  group: GROUP,
  fixable: false,
  title: "A DestinationRule is for a host no Service or ServiceEntry in the repository declares.",
  check(ctx) {
    for (const dr of ctx.mesh.byKind("DestinationRule")) {
      const host = hostOf(dr);
      if (!host || dr.namespace === null || isWildcardHost(host)) continue;
      const kind = judgeHost(ctx.mesh, host, dr.namespace).kind;
      if (kind !== "missing" && kind !== "unknown") continue;
      const svc = parseServiceHost(resolveHost(host, dr.namespace));
      if (svc && isExternalNamespace(ctx.mesh, svc.namespace)) continue;
      const fq = resolveHost(host, dr.namespace);
      ctx.report({
        resource: dr,
        path: ["spec", "host"],
        subject: host,
        message: `DestinationRule ${dr.namespace}/${dr.name} is for host "${host}"${fq !== host ? ` (${fq})` : ""}, which no Service or ServiceEntry in this repository declares: if the cluster has none either, its traffic policy and subsets apply to nothing. Fix the host (a short name resolves in the DestinationRule's namespace), or declare it under \`external.hosts\`.`
      });
    }
  }
});
var drHostNotVisible = defineRule({
  id: "dr-host-not-visible",
  severity: "error",
  istioCode: "IST0174",
  kialiCode: "KIA0202",
  group: GROUP,
  fixable: true,
  title: "A DestinationRule is for a host that is defined, but not exported to the DestinationRule's namespace.",
  check(ctx) {
    for (const dr of ctx.mesh.byKind("DestinationRule")) {
      const host = hostOf(dr);
      if (!host || dr.namespace === null || isWildcardHost(host)) continue;
      if (dr.namespace === ctx.mesh.settings.rootNamespace) continue;
      const verdict = judgeHost(ctx.mesh, host, dr.namespace);
      if (verdict.kind !== "hidden") continue;
      const fix = singleFixable(verdict.entries, dr.namespace);
      ctx.report({
        resource: dr,
        path: ["spec", "host"],
        subject: host,
        message: `Host "${host}" is defined by ${verdict.entries.map(describeHidden).join("; ")}, which does not include namespace "${dr.namespace}": clients in "${dr.namespace}" cannot reach it, so this DestinationRule's policy and subsets never apply. Export the host to "${dr.namespace}" or move the DestinationRule.`,
        fix: fix?.edit ?? null,
        fixTarget: fix?.target
      });
    }
  }
});
var TOPOLOGY_KEYS = /* @__PURE__ */ new Set(["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone", "kubernetes.io/hostname"]);
function subsetMatches(mesh, subset, w, nodes) {
  let node = null;
  if (w.kind === "Pod" && w.podSpec && typeof w.podSpec.nodeName === "string") node = nodes.get(w.podSpec.nodeName) ?? null;
  for (const [k, v] of Object.entries(subset)) {
    if (w.labels[k] === v) continue;
    if (!TOPOLOGY_KEYS.has(k) || v === "") return false;
    if (w.kind === "Pod") {
      if (!node || node[k] !== v) return false;
    } else if (w.labels[k] !== void 0) return false;
  }
  void mesh;
  return true;
}
var drSubsetNoWorkload = defineRule({
  id: "dr-subset-no-workload",
  severity: "error",
  istioCode: "IST0173",
  kialiCode: "KIA0203",
  group: GROUP,
  fixable: false,
  title: "A DestinationRule subset's labels select no workload.",
  check(ctx) {
    const mesh = ctx.mesh;
    let nodes = null;
    for (const dr of mesh.byKind("DestinationRule")) {
      const host = hostOf(dr);
      if (!host || dr.namespace === null) continue;
      const verdict = judgeHost(mesh, host, dr.namespace);
      if (verdict.kind === "missing" || verdict.kind === "unknown") continue;
      const entries = verdict.entries;
      if (entries.some((e) => e.source === "external")) continue;
      const seLabels = {};
      const endpointLabels = [];
      for (const e of entries) {
        if (e.source !== "ServiceEntry" || !e.resource) continue;
        Object.assign(seLabels, asStringMap(asObject(e.resource.spec.workloadSelector).labels));
        for (const ep of asArray(e.resource.spec.endpoints)) if (isObject(ep)) endpointLabels.push(asStringMap(ep.labels));
      }
      asArray(dr.spec.subsets).forEach((s, i) => {
        if (!isObject(s) || !isObject(s.labels)) return;
        const labels = { ...seLabels, ...asStringMap(s.labels) };
        if (Object.keys(labels).length === 0) return;
        nodes ??= nodeLabels(mesh);
        if (endpointLabels.some((l) => labelsMatch(labels, l))) return;
        const plain = Object.fromEntries(Object.entries(labels).filter(([k]) => !TOPOLOGY_KEYS.has(k)));
        const matches = (ns) => mesh.workloadsMatching(plain, ns).some((w) => subsetMatches(mesh, labels, w, nodes));
        if ([...new Set(entries.map((e) => e.namespace))].some((ns) => matches(ns)) || matches(null)) return;
        const name = typeof s.name === "string" ? s.name : String(i);
        ctx.report({
          resource: dr,
          path: ["spec", "subsets", i, "labels"],
          subject: name,
          message: `Subset "${name}" of DestinationRule ${dr.namespace}/${dr.name} selects workloads labelled ${describeSelector(labels)}, and no workload has those labels: traffic routed to this subset fails with 503 (no healthy upstream). Fix the labels, or add the labels to the workload's pod template.`
        });
      });
    }
  }
});
function nodeLabels(mesh) {
  const out = /* @__PURE__ */ new Map();
  for (const n of mesh.byKind("Node", "")) {
    const l = {};
    for (const [k, v] of Object.entries(n.labels)) if (v !== "") l[k] = v;
    out.set(n.name, l);
  }
  return out;
}
var destinationRuleRules = [drHostNotFound, drHostNotVisible, drSubsetNoWorkload];

// src/rules/analyzers/traffic/gateway.ts
function istioGateways(mesh) {
  return mesh.byKind("Gateway").filter((g) => g.namespace !== null);
}
function selectorPath(g) {
  const sel = asObject(g.spec.selector);
  const first = Object.keys(sel)[0];
  return first !== void 0 ? ["spec", "selector", first] : ["spec"];
}
var gatewaySelectorNoWorkload = defineRule({
  id: "gateway-selector-no-workload",
  severity: "warning",
  istioCode: "IST0101",
  kialiCode: "KIA0302",
  group: GROUP,
  fixable: false,
  title: "A Gateway's selector matches no gateway workload in the repository.",
  check(ctx) {
    for (const g of istioGateways(ctx.mesh)) {
      if (!isObject(g.spec.selector)) continue;
      const sel = selectorLabels2(g.spec.selector);
      if (Object.keys(sel).length === 0) continue;
      if (ctx.mesh.workloadsMatching(sel, null).length > 0) continue;
      if (isStandardGatewaySelector(sel) && !deploysGateways(ctx.mesh)) continue;
      ctx.report({
        resource: g,
        path: selectorPath(g),
        subject: describeSelector(sel),
        message: `Gateway ${g.namespace}/${g.name} selects workloads labelled ${describeSelector(sel)}, and no workload in this repository has those labels: if no gateway deployment in the cluster has them either, no proxy serves this Gateway and connections to it are refused. Fix the selector, or declare the gateway workload under \`external.workloads\`.`
      });
    }
  }
});
var deploysCache = /* @__PURE__ */ new WeakMap();
function deploysGateways(mesh) {
  let v = deploysCache.get(mesh);
  if (v === void 0) deploysCache.set(mesh, v = mesh.workloads.some((w) => w.resource !== null && w.labels.istio !== void 0));
  return v;
}
function servicesSelecting(byNs, w) {
  return (byNs.get(w.namespace) ?? []).filter((s) => {
    const sel = selectorLabels2(s.spec.selector);
    return Object.keys(sel).length > 0 && labelsMatch(sel, w.labels);
  });
}
var gatewayPortNotOnService = defineRule({
  id: "gateway-port-not-on-service",
  severity: "warning",
  istioCode: "IST0162",
  group: GROUP,
  fixable: false,
  title: "A Gateway server listens on a port the gateway's Service does not forward to.",
  check(ctx) {
    const svcCache = /* @__PURE__ */ new Map();
    const byNs = /* @__PURE__ */ new Map();
    for (const s of ctx.mesh.byKind("Service", "")) if (s.namespace) (byNs.get(s.namespace) ?? byNs.set(s.namespace, []).get(s.namespace)).push(s);
    for (const g of istioGateways(ctx.mesh)) {
      const sel = selectorLabels2(g.spec.selector);
      const workloads = ctx.mesh.workloadsMatching(sel, null).filter((w) => w.resource !== null);
      if (workloads.length === 0) continue;
      const reachable = /* @__PURE__ */ new Set();
      let services = 0;
      for (const w of workloads) {
        let svcs = svcCache.get(w);
        if (!svcs) svcCache.set(w, svcs = servicesSelecting(byNs, w));
        for (const s of svcs) {
          services++;
          for (const p of asArray(s.spec.ports)) {
            if (!isObject(p)) continue;
            const proto = asString(p.protocol) ?? "TCP";
            if (proto.toUpperCase() !== "TCP") continue;
            if (typeof p.targetPort === "number") reachable.add(p.targetPort);
            else if (p.targetPort === void 0 && typeof p.port === "number") reachable.add(p.port);
            if (typeof p.port === "number") reachable.add(p.port);
          }
        }
      }
      if (services === 0) continue;
      asArray(g.spec.servers).forEach((s, i) => {
        if (!isObject(s)) return;
        const port = asObject(s.port).number;
        if (typeof port !== "number" || reachable.has(port)) return;
        ctx.report({
          resource: g,
          path: ["spec", "servers", i, "port", "number"],
          subject: String(port),
          message: `Gateway ${g.namespace}/${g.name} listens on port ${port}, but no Service of its workload (${describeSelector(sel)}) forwards to ${port} (ports: ${[...reachable].sort((a, b) => a - b).join(", ") || "none"}): clients cannot reach this server. Use a port the gateway Service exposes (its targetPort), or add the port to the Service.`
        });
      });
    }
  }
});
var gatewayDuplicateCertificate = defineRule({
  id: "gateway-duplicate-certificate",
  severity: "warning",
  istioCode: "IST0138",
  group: GROUP,
  fixable: false,
  title: "Two Gateways on the same workload use the same TLS certificate.",
  check(ctx) {
    const byCert = /* @__PURE__ */ new Map();
    for (const g of istioGateways(ctx.mesh)) {
      asArray(g.spec.servers).forEach((s, i) => {
        if (!isObject(s) || !isObject(s.tls)) return;
        const cred = asString(s.tls.credentialName);
        const key = cred ? `cred:${cred}` : asString(s.tls.serverCertificate) && asString(s.tls.privateKey) ? `files:${s.tls.serverCertificate}|${s.tls.privateKey}` : null;
        if (!key) return;
        (byCert.get(key) ?? byCert.set(key, []).get(key)).push({ gateway: g, index: i });
      });
    }
    const reported = /* @__PURE__ */ new Set();
    for (const [key, servers] of byCert) {
      for (const a of servers) {
        if (reported.has(a.gateway)) continue;
        const sa = selectorLabels2(a.gateway.spec.selector);
        const other = servers.find((b) => b.gateway !== a.gateway && labelsMatch(sa, selectorLabels2(b.gateway.spec.selector)));
        if (!other) continue;
        reported.add(a.gateway);
        ctx.report({
          resource: a.gateway,
          path: ["metadata", "name"],
          subject: key,
          message: `Gateway ${a.gateway.namespace}/${a.gateway.name} and Gateway ${other.gateway.namespace}/${other.gateway.name} run on the same gateway workload and use the same certificate (${key.startsWith("cred:") ? `credentialName "${key.slice(5)}"` : "serverCertificate/privateKey"}): browsers reuse HTTP/2 connections across hosts with one certificate and get 404 on the second host. Give each Gateway its own certificate, or merge the servers into one Gateway.`
        });
      }
    }
  }
});
var gatewayConflict = defineRule({
  id: "gateway-conflict",
  severity: "error",
  istioCode: "IST0145",
  kialiCode: "KIA0301",
  group: GROUP,
  fixable: false,
  title: "Two Gateways on the same workload claim the same port and host.",
  check(ctx) {
    const byKey = /* @__PURE__ */ new Map();
    for (const g of istioGateways(ctx.mesh)) {
      for (const s of asArray(g.spec.servers)) {
        if (!isObject(s)) continue;
        const port = asObject(s.port).number;
        if (typeof port !== "number") continue;
        const bind = asString(s.bind) ?? "";
        for (const h of new Set(stringsOf(s.hosts) ?? [])) {
          const key = `${port}|${bind}|${h}`;
          const l = byKey.get(key) ?? [];
          if (!l.includes(g)) l.push(g);
          byKey.set(key, l);
        }
      }
    }
    const conflicts = /* @__PURE__ */ new Map();
    for (const [key, gws] of byKey) {
      if (gws.length < 2) continue;
      for (const a of gws) {
        if (conflicts.has(a)) continue;
        const sa = selectorLabels2(a.spec.selector);
        const other = gws.find((b) => b !== a && sameGatewayWorkload(ctx.mesh, sa, selectorLabels2(b.spec.selector)));
        if (other) conflicts.set(a, { key, other });
      }
    }
    for (const [g, c] of conflicts) {
      const [port, , host] = c.key.split("|");
      ctx.report({
        resource: g,
        path: ["metadata", "name"],
        subject: `${port}|${host}`,
        message: `Gateway ${g.namespace}/${g.name} and Gateway ${c.other.namespace}/${c.other.name} select the same gateway workload and both serve host "${host}" on port ${port}: Istio keeps only one server for them and the other Gateway's routes are dropped. Serve the host from one Gateway, or change the port or host.`
      });
    }
  }
});
function sameGatewayWorkload(mesh, a, b) {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length === kb.length && labelsMatch(a, b)) return true;
  if (labelsMatch(a, b)) return mesh.workloadsMatching(b, null).length > 0;
  if (labelsMatch(b, a)) return mesh.workloadsMatching(a, null).length > 0;
  return false;
}
var gatewayRules = [gatewaySelectorNoWorkload, gatewayPortNotOnService, gatewayDuplicateCertificate, gatewayConflict];

// src/rules/analyzers/traffic/sidecar.ts
function sidecars(mesh) {
  return mesh.byKind("Sidecar").filter((s) => s.namespace !== null);
}
function selectorOf(s) {
  const sel = selectorLabels2(asObject(s.spec.workloadSelector).labels);
  return Object.keys(sel).length > 0 ? sel : null;
}
var sidecarSelectorNoWorkload = defineRule({
  id: "sidecar-selector-no-workload",
  severity: "warning",
  istioCode: "IST0101",
  kialiCode: "KIA0004",
  group: GROUP,
  fixable: false,
  title: "A Sidecar's workloadSelector matches no workload of its namespace.",
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      const sel = selectorOf(s);
      if (!sel || ctx.mesh.workloadsMatching(sel, s.namespace).length > 0) continue;
      ctx.report({
        resource: s,
        path: ["spec", "workloadSelector", "labels"],
        subject: describeSelector(sel),
        message: `Sidecar ${s.namespace}/${s.name} selects workloads labelled ${describeSelector(sel)} in "${s.namespace}", and no workload in this repository has those labels there: the Sidecar applies to nothing, and the workloads it was meant for keep the namespace default. Fix the labels (pod template labels, not Deployment labels).`
      });
    }
  }
});
function selections(mesh) {
  const out = /* @__PURE__ */ new Map();
  for (const s of sidecars(mesh)) {
    const sel = selectorOf(s);
    if (!sel) continue;
    for (const w of mesh.workloadsMatching(sel, s.namespace)) {
      if (isAmbientWorkload(mesh, w)) continue;
      (out.get(w) ?? out.set(w, []).get(w)).push(s);
    }
  }
  return out;
}
var sidecarConflictingSelectors = defineRule({
  id: "sidecar-conflicting-selectors",
  severity: "error",
  istioCode: "IST0110",
  kialiCode: "KIA0003",
  group: GROUP,
  fixable: false,
  title: "A workload is selected by more than one Sidecar.",
  check(ctx) {
    const reported = /* @__PURE__ */ new Set();
    for (const [w, list] of selections(ctx.mesh)) {
      if (list.length < 2) continue;
      for (const s of list) {
        if (reported.has(s)) continue;
        reported.add(s);
        const others = list.filter((o) => o !== s).map((o) => o.name);
        ctx.report({
          resource: s,
          path: ["spec", "workloadSelector", "labels"],
          subject: `${w.kind}/${w.name}`,
          message: `${w.kind} ${w.namespace}/${w.name} is selected by this Sidecar and by ${others.map((n) => `"${n}"`).join(", ")}: Istio applies only one of them, which one is not defined. Make the selectors disjoint or merge the Sidecars.`
        });
      }
    }
  }
});
var sidecarMultipleDefaults = defineRule({
  id: "sidecar-multiple-defaults",
  severity: "error",
  istioCode: "IST0111",
  kialiCode: "KIA0002",
  group: GROUP,
  fixable: false,
  title: "A namespace has more than one Sidecar without a workloadSelector.",
  check(ctx) {
    const byNs = /* @__PURE__ */ new Map();
    for (const s of sidecars(ctx.mesh)) {
      if (selectorOf(s) || isAmbientNamespace(ctx.mesh, s.namespace)) continue;
      (byNs.get(s.namespace) ?? byNs.set(s.namespace, []).get(s.namespace)).push(s);
    }
    for (const [ns, list] of byNs) {
      if (list.length < 2) continue;
      for (const s of list) {
        ctx.report({
          resource: s,
          path: ["metadata", "name"],
          subject: ns,
          message: `Namespace "${ns}" has ${list.length} Sidecars without a workloadSelector (${list.map((o) => `"${o.name}"`).join(", ")}): Istio uses only one as the namespace default and which one is not defined. Keep one, or give the others a workloadSelector.`
        });
      }
    }
  }
});
var sidecarIneffectiveInAmbient = defineRule({
  id: "sidecar-ineffective-in-ambient",
  severity: "warning",
  istioCode: "IST0167",
  group: GROUP,
  fixable: false,
  title: "A Sidecar applies to ambient-mode workloads, which have no sidecar to configure.",
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      const sel = selectorOf(s);
      if (!sel) {
        if (!isAmbientNamespace(ctx.mesh, s.namespace)) continue;
        ctx.report({
          resource: s,
          path: ["metadata", "name"],
          subject: s.namespace,
          message: `Namespace "${s.namespace}" runs in ambient mode (istio.io/dataplane-mode=ambient): its workloads have no sidecar proxy, so this Sidecar has no effect. Remove it, or configure the waypoint instead.`
        });
        continue;
      }
      const ambient = ctx.mesh.workloadsMatching(sel, s.namespace).filter((w) => isAmbientWorkload(ctx.mesh, w));
      for (const w of ambient) {
        ctx.report({
          resource: s,
          path: ["spec", "workloadSelector", "labels"],
          subject: `${w.kind}/${w.name}`,
          message: `This Sidecar selects ${w.kind} ${w.namespace}/${w.name}, which runs in ambient mode without a sidecar proxy: the Sidecar has no effect on it.`
        });
      }
    }
  }
});
var sidecarEgressHostNotVisible = defineRule({
  id: "sidecar-egress-host-not-visible",
  severity: "error",
  istioCode: "IST0101",
  group: GROUP,
  fixable: true,
  title: "A Sidecar imports a host from a namespace that does not export it to the Sidecar's namespace.",
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      asArray(s.spec.egress).forEach((e, i) => {
        if (!isObject(e)) return;
        (stringsOf(e.hosts) ?? []).forEach((h) => {
          const slash = h.indexOf("/");
          if (slash === -1) return;
          const ns = h.slice(0, slash);
          const host = h.slice(slash + 1);
          if (ns === "*" || ns === "~" || ns === "." || host.startsWith("*")) return;
          const found = ctx.mesh.lookupHost(host.includes(".") ? host : `${host}.${ns}.svc.cluster.local`, s.namespace);
          if (found.visible.some((x) => x.namespace === ns)) return;
          const hidden = found.hidden.filter((x) => x.namespace === ns);
          if (hidden.length === 0) return;
          const fix = singleFixable(hidden, s.namespace);
          const idx = asArray(e.hosts).indexOf(h);
          ctx.report({
            resource: s,
            path: ["spec", "egress", i, "hosts", idx],
            subject: h,
            message: `Egress host "${h}" is defined by ${hidden.map(describeHidden).join("; ")}, which does not include namespace "${s.namespace}": importing it here has no effect and calls to it fail (503, or passthrough under ALLOW_ANY). Export the host to "${s.namespace}".`,
            fix: fix?.edit ?? null,
            fixTarget: fix?.target
          });
        });
      });
    }
  }
});
var sidecarEgressHostNotFound = defineRule({
  id: "sidecar-egress-host-not-found",
  severity: "warning",
  istioCode: null,
  kialiCode: "KIA1004",
  group: GROUP,
  fixable: false,
  title: "A Sidecar imports a host that no Service or ServiceEntry of that namespace declares.",
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      asArray(s.spec.egress).forEach((e, i) => {
        if (!isObject(e)) return;
        asArray(e.hosts).forEach((h, k) => {
          if (typeof h !== "string") return;
          const slash = h.indexOf("/");
          if (slash === -1) return;
          let ns = h.slice(0, slash);
          const host = h.slice(slash + 1);
          if (ns === ".") ns = s.namespace;
          if (ns === "*" || ns === "~" || host.startsWith("*") || host === "") return;
          if (isExternalNamespace(ctx.mesh, ns) || !repositoryManagesServicesOf(ctx.mesh, ns)) return;
          const fq = host.includes(".") ? host : `${host}.${ns}.svc.cluster.local`;
          if (ctx.mesh.hostEntries(fq).some((x) => x.namespace === ns || x.source === "external")) return;
          ctx.report({
            resource: s,
            path: ["spec", "egress", i, "hosts", k],
            subject: h,
            message: `Egress host "${h}": no Service or ServiceEntry in namespace "${ns}" declares "${host}", so this import matches nothing and the workloads get no route to what was meant (503, or passthrough under ALLOW_ANY). Fix the host or the namespace part.`
          });
        });
      });
    }
  }
});
var sidecarRules = [
  sidecarSelectorNoWorkload,
  sidecarConflictingSelectors,
  sidecarMultipleDefaults,
  sidecarIneffectiveInAmbient,
  sidecarEgressHostNotVisible,
  sidecarEgressHostNotFound
];

// src/rules/analyzers/traffic/authz.ts
var authzNoMatchingWorkload = defineRule({
  id: "authz-no-matching-workload",
  severity: "warning",
  istioCode: "IST0127",
  kialiCode: "KIA0004",
  group: GROUP,
  fixable: false,
  title: "An AuthorizationPolicy applies to no in-mesh workload.",
  check(ctx) {
    const mesh = ctx.mesh;
    const root = mesh.settings.rootNamespace;
    for (const ap of mesh.byKind("AuthorizationPolicy")) {
      if (ap.namespace === null) continue;
      if (isObject(ap.spec.targetRef) || asArray(ap.spec.targetRefs).length > 0) continue;
      const sel = selectorLabels2(asObject(ap.spec.selector).matchLabels);
      const hasSelector2 = Object.keys(sel).length > 0;
      if (ap.namespace === root && !hasSelector2) continue;
      const scope = ap.namespace === root ? null : ap.namespace;
      if (mesh.workloadsMatching(sel, scope).some((w) => isInMesh(mesh, w))) continue;
      ctx.report({
        resource: ap,
        path: hasSelector2 ? ["spec", "selector", "matchLabels"] : ["metadata", "name"],
        subject: hasSelector2 ? describeSelector(sel) : ap.namespace,
        message: hasSelector2 ? `AuthorizationPolicy ${ap.namespace}/${ap.name} selects workloads labelled ${describeSelector(sel)}${scope ? ` in "${scope}"` : " (in any namespace)"}, and no in-mesh workload in this repository has those labels: the policy enforces nothing. Fix the labels (pod template labels), or check that the workload is injected.` : `AuthorizationPolicy ${ap.namespace}/${ap.name} applies to namespace "${ap.namespace}", which has no in-mesh workload in this repository: the policy enforces nothing there.`
      });
    }
  }
});
function namespacePatternMatches(pattern, ns) {
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) return ns.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith("*")) return ns.endsWith(pattern.slice(1));
  return pattern === ns;
}
var knownNsCache = /* @__PURE__ */ new WeakMap();
function knownNamespaces(mesh) {
  let l = knownNsCache.get(mesh);
  if (!l) {
    const s = new Set(mesh.namespaces);
    for (const r of mesh.resources) if (r.namespace) s.add(r.namespace);
    knownNsCache.set(mesh, l = [...s]);
  }
  return l;
}
var authzNamespaceNotFound = defineRule({
  id: "authz-namespace-not-found",
  severity: "warning",
  istioCode: "IST0101",
  kialiCode: "KIA0101",
  group: GROUP,
  fixable: false,
  title: "An AuthorizationPolicy source namespace (or notNamespaces entry) matches no namespace known to the repository.",
  check(ctx) {
    const known = knownNamespaces(ctx.mesh);
    const exact = new Set(known);
    for (const ap of ctx.mesh.byKind("AuthorizationPolicy")) {
      asArray(ap.spec.rules).forEach((rule, i) => {
        if (!isObject(rule)) return;
        asArray(rule.from).forEach((from, j) => {
          if (!isObject(from) || !isObject(from.source)) return;
          for (const field of ["namespaces", "notNamespaces"]) {
            const list = asArray(from.source[field]);
            list.forEach((v, k) => {
              if (typeof v !== "string") return;
              const ok = v.includes("*") ? known.some((ns) => namespacePatternMatches(v, ns)) : exact.has(v);
              if (ok) return;
              ctx.report({
                resource: ap,
                path: ["spec", "rules", i, "from", j, "source", field, k],
                subject: `${field}:${v}`,
                message: `Source ${field === "namespaces" ? "namespace" : "notNamespaces entry"} "${v}" matches no namespace defined in this repository: ${field === "namespaces" ? "the rule never matches traffic from it, so a typo here denies (or fails to allow) the callers you meant" : "the exclusion has no effect"}. Fix the name, or declare the namespace under \`external.namespaces\` in .istio-review.yaml.`
              });
            });
          }
        });
      });
    }
  }
});
var SELECTOR_KINDS = [
  ["AuthorizationPolicy", "security.istio.io"],
  ["RequestAuthentication", "security.istio.io"],
  ["Telemetry", "telemetry.istio.io"],
  ["WasmPlugin", "extensions.istio.io"]
];
var GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";
var selectorOnKubernetesGateway = defineRule({
  id: "selector-on-kubernetes-gateway",
  severity: "warning",
  istioCode: "IST0166",
  group: GROUP,
  fixable: false,
  title: "A policy uses `selector` to target a Kubernetes Gateway API gateway, which ignores selectors; use targetRefs.",
  check(ctx) {
    const mesh = ctx.mesh;
    for (const [kind, group6] of SELECTOR_KINDS) {
      for (const p of mesh.byKind(kind, group6)) {
        if (p.namespace === null) continue;
        if (isObject(p.spec.targetRef) || asArray(p.spec.targetRefs).length > 0) continue;
        const sel = selectorLabels2(asObject(p.spec.selector).matchLabels);
        if (Object.keys(sel).length === 0) continue;
        const gateways = /* @__PURE__ */ new Set();
        for (const w of mesh.workloadsMatching(sel, p.namespace)) {
          const gw = w.labels[GATEWAY_NAME_LABEL];
          if (gw !== void 0) gateways.add(gw);
        }
        const named = sel[GATEWAY_NAME_LABEL];
        if (named !== void 0 && mesh.gateway(p.namespace, named)?.group === "gateway.networking.k8s.io") gateways.add(named);
        for (const gw of gateways) {
          ctx.report({
            resource: p,
            path: ["spec", "selector", "matchLabels"],
            subject: gw,
            message: `${kind} ${p.namespace}/${p.name} selects the pods of Kubernetes Gateway "${gw}" by label: Istio ignores \`selector\` for Gateway API gateways, so the ${kind} has no effect there. Use \`targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: ${gw}}]\` instead.`
          });
        }
      }
    }
  }
});
var authzRules = [authzNoMatchingWorkload, authzNamespaceNotFound, selectorOnKubernetesGateway];

// src/rules/analyzers/traffic/gateway-api-routes.ts
var GW_GROUP = "gateway.networking.k8s.io";
var ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute"];
function routes(mesh) {
  const out = [];
  for (const k of ROUTE_KINDS) for (const r of mesh.byKind(k, GW_GROUP)) if (r.namespace !== null) out.push(r);
  return out;
}
function gatewayParents(route) {
  const out = [];
  asArray(route.spec.parentRefs).forEach((p, index) => {
    if (!isObject(p) || typeof p.name !== "string") return;
    const kind = asString(p.kind) ?? "Gateway";
    const group6 = asString(p.group) ?? GW_GROUP;
    if (kind !== "Gateway" || group6 !== GW_GROUP) return;
    out.push({ index, namespace: asString(p.namespace) ?? route.namespace, name: p.name, sectionName: asString(p.sectionName) ?? null, port: typeof p.port === "number" ? p.port : null });
  });
  return out;
}
function k8sGateway(mesh, ns, name) {
  const g = mesh.gateway(ns, name);
  if (!g || g.group === GW_GROUP) return g;
  return mesh.byKind("Gateway", GW_GROUP).find((x) => x.namespace === ns && x.name === name) ?? null;
}
function serviceParents(route) {
  const out = [];
  asArray(route.spec.parentRefs).forEach((p, index) => {
    if (!isObject(p) || typeof p.name !== "string" || p.kind !== "Service" || (asString(p.group) ?? "") !== "") return;
    out.push({ index, namespace: asString(p.namespace) ?? route.namespace, name: p.name });
  });
  return out;
}
var routeParentNotFound = defineRule({
  id: "route-parent-not-found",
  severity: "warning",
  istioCode: null,
  kialiCode: "KIA1401",
  group: GROUP,
  fixable: false,
  title: "A Gateway API route's parentRef names a Gateway (or, for mesh routing, a Service) that is not defined in the repository.",
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const p of serviceParents(r)) {
        if (ctx.mesh.exactHostEntries(serviceHost(p.name, p.namespace)).some((e) => e.source === "Service" || e.source === "external")) continue;
        if (isExternalNamespace(ctx.mesh, p.namespace) || !repositoryManagesServicesOf(ctx.mesh, p.namespace)) continue;
        ctx.report({
          resource: r,
          path: ["spec", "parentRefs", p.index, "name"],
          subject: `Service ${p.namespace}/${p.name}`,
          message: `${r.kind} ${r.namespace}/${r.name} attaches to Service ${p.namespace}/${p.name} for mesh routing, and no such Service is defined in this repository (which defines other Services of "${p.namespace}"): the route is never applied. Fix the name.`
        });
      }
      for (const p of gatewayParents(r)) {
        if (k8sGateway(ctx.mesh, p.namespace, p.name) || ctx.mesh.isExternalGateway(p.namespace, p.name)) continue;
        ctx.report({
          resource: r,
          path: ["spec", "parentRefs", p.index, "name"],
          subject: `${p.namespace}/${p.name}`,
          message: `${r.kind} ${r.namespace}/${r.name} attaches to Gateway ${p.namespace}/${p.name}, which no Gateway (gateway.networking.k8s.io) in this repository defines: if the cluster has none either, the route is never attached (status Accepted=False) and its traffic gets 404. Fix the name or namespace, or declare the gateway under \`external.gateways\`.`
        });
      }
    }
  }
});
function listenerAllows(mesh, gw, listener, routeNs, routeKind) {
  const allowed = asObject(listener.allowedRoutes);
  const kinds = asArray(allowed.kinds).filter(isObject).map((k) => asString(k.kind)).filter((k) => !!k);
  if (kinds.length > 0 && !kinds.includes(routeKind)) return false;
  const nsSpec = asObject(allowed.namespaces);
  const from = asString(nsSpec.from) ?? "Same";
  if (from === "All") return true;
  if (from === "Same") return gw.namespace === routeNs;
  if (from === "Selector") {
    const labels = namespaceLabels(mesh, routeNs);
    if (!labels) return true;
    const sel = selectorLabels2(asObject(nsSpec.selector).matchLabels);
    return labelsMatch(sel, { ...labels, "kubernetes.io/metadata.name": routeNs });
  }
  return false;
}
var routeParentRejectsRoute = defineRule({
  id: "route-parent-rejects-route",
  severity: "error",
  istioCode: null,
  kialiCode: "KIA1401",
  group: GROUP,
  fixable: false,
  title: "A Gateway API route attaches to a Gateway whose listeners do not accept it (namespace, kind, sectionName or hostnames).",
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const p of gatewayParents(r)) {
        const gw = k8sGateway(ctx.mesh, p.namespace, p.name);
        if (!gw) continue;
        const listeners = asArray(gw.spec.listeners).filter(isObject);
        const named = p.sectionName === null ? listeners : listeners.filter((l) => l.name === p.sectionName);
        const path5 = ["spec", "parentRefs", p.index, p.sectionName === null ? "name" : "sectionName"];
        if (named.length === 0) {
          ctx.report({
            resource: r,
            path: path5,
            subject: `${p.namespace}/${p.name}/${p.sectionName ?? ""}`,
            message: `Gateway ${p.namespace}/${p.name} has no listener${p.sectionName !== null ? ` named "${p.sectionName}"` : "s"} (listeners: ${listeners.map((l) => `"${String(l.name)}"`).join(", ") || "none"}): the route is not attached and its traffic gets 404.`
          });
          continue;
        }
        const candidates = p.port === null ? named : named.filter((l) => l.port === p.port);
        const allowing = candidates.filter((l) => listenerAllows(ctx.mesh, gw, l, r.namespace, r.kind));
        if (allowing.length > 0) {
          const routeHosts = asArray(r.spec.hostnames).filter((h) => typeof h === "string");
          if (routeHosts.length === 0 || allowing.some((l) => {
            const lh = asString(l.hostname);
            return !lh || routeHosts.some((h) => hostsOverlap(h, lh));
          })) continue;
          ctx.report({
            resource: r,
            path: ["spec", "hostnames"],
            subject: `${p.namespace}/${p.name}/${p.sectionName ?? ""}|hostnames`,
            message: `None of the hostnames ${routeHosts.map((h) => `"${h}"`).join(", ")} matches a listener of Gateway ${p.namespace}/${p.name} that accepts this route (${allowing.map((l) => `"${String(l.name)}": ${asString(l.hostname) ? `"${asString(l.hostname)}"` : "any host"}`).join(", ")}): the route is not attached (NoMatchingListenerHostname) and its traffic gets 404.`
          });
          continue;
        }
        ctx.report({
          resource: r,
          path: path5,
          subject: `${p.namespace}/${p.name}/${p.sectionName ?? ""}`,
          message: `No listener of Gateway ${p.namespace}/${p.name}${p.sectionName !== null ? ` named "${p.sectionName}"` : ""} accepts ${r.kind}s from namespace "${r.namespace}" (allowedRoutes defaults to the Gateway's own namespace): the route is not attached (NotAllowedByListeners) and its traffic gets 404. Set the listener's \`allowedRoutes.namespaces.from\` to All or a Selector that matches "${r.namespace}".`
        });
      }
    }
  }
});
function serviceBackends(route) {
  const out = [];
  asArray(route.spec.rules).forEach((rule, i) => {
    if (!isObject(rule)) return;
    asArray(rule.backendRefs).forEach((b, j) => {
      if (!isObject(b) || typeof b.name !== "string") return;
      const kind = asString(b.kind) ?? "Service";
      const group6 = asString(b.group) ?? "";
      if (kind !== "Service" || group6 !== "") return;
      out.push({ path: ["spec", "rules", i, "backendRefs", j, "name"], namespace: asString(b.namespace) ?? route.namespace, name: b.name, port: typeof b.port === "number" ? b.port : null });
    });
  });
  return out;
}
var routeBackendNotFound = defineRule({
  id: "route-backend-not-found",
  severity: "warning",
  istioCode: null,
  kialiCode: "KIA1402",
  group: GROUP,
  fixable: false,
  title: "A Gateway API route's backendRef names a Service that is not defined in the repository.",
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const b of serviceBackends(r)) {
        const host = serviceHost(b.name, b.namespace);
        if (ctx.mesh.exactHostEntries(host).some((e) => e.source === "Service" || e.source === "external")) continue;
        if (isExternalNamespace(ctx.mesh, b.namespace) || !repositoryManagesServicesOf(ctx.mesh, b.namespace)) continue;
        ctx.report({
          resource: r,
          path: b.path,
          subject: `${b.namespace}/${b.name}`,
          message: `Backend Service ${b.namespace}/${b.name} is not defined in this repository, which defines other Services of "${b.namespace}": if it does not exist, the route reports ResolvedRefs=False and requests to this backend get 500. Fix the name.`
        });
      }
    }
  }
});
var routeBackendNotPermitted = defineRule({
  id: "route-backend-not-permitted",
  severity: "error",
  istioCode: null,
  group: GROUP,
  fixable: false,
  title: "A Gateway API route refers to a Service in another namespace without a ReferenceGrant allowing it.",
  check(ctx) {
    const grants = ctx.mesh.byKind("ReferenceGrant", GW_GROUP);
    const byNs = /* @__PURE__ */ new Map();
    for (const g of grants) if (g.namespace) (byNs.get(g.namespace) ?? byNs.set(g.namespace, []).get(g.namespace)).push(g);
    for (const r of routes(ctx.mesh)) {
      for (const b of serviceBackends(r)) {
        if (b.namespace === r.namespace) continue;
        const ok = (byNs.get(b.namespace) ?? []).some((g) => asArray(g.spec.from).some((f) => isObject(f) && f.group === GW_GROUP && f.kind === r.kind && f.namespace === r.namespace) && asArray(g.spec.to).some((t) => isObject(t) && (t.group ?? "") === "" && t.kind === "Service" && (t.name === void 0 || t.name === b.name)));
        if (ok) continue;
        if (isExternalNamespace(ctx.mesh, b.namespace) && grants.length === 0) continue;
        ctx.report({
          resource: r,
          path: b.path,
          subject: `${b.namespace}/${b.name}`,
          message: `${r.kind} ${r.namespace}/${r.name} sends to Service ${b.namespace}/${b.name} in another namespace, and no ReferenceGrant in "${b.namespace}" allows ${r.kind}s from "${r.namespace}": the reference is refused (RefNotPermitted) and requests to this backend get 500. Add a ReferenceGrant in "${b.namespace}" (from: ${r.kind} in ${r.namespace}, to: Service).`
        });
      }
    }
  }
});
var routeBackendPortNotFound = defineRule({
  id: "route-backend-port-not-found",
  severity: "error",
  istioCode: null,
  group: GROUP,
  fixable: true,
  title: "A Gateway API route's backendRef names a port its Service does not expose.",
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const b of serviceBackends(r)) {
        if (b.port === null) continue;
        const entries = ctx.mesh.exactHostEntries(serviceHost(b.name, b.namespace)).filter((e) => e.source === "Service");
        if (entries.length === 0) continue;
        const ports = [...new Set(entries.flatMap((e) => e.ports.map((p) => p.number)).filter((n) => n !== null))].sort((x, y) => x - y);
        if (ports.length === 0 || ports.includes(b.port)) continue;
        const portPath = [...b.path.slice(0, -1), "port"];
        ctx.report({
          resource: r,
          path: portPath,
          subject: `${b.namespace}/${b.name}:${b.port}`,
          message: `Service ${b.namespace}/${b.name} has no port ${b.port} (it exposes ${ports.join(", ")}; a backendRef names the Service port, not the targetPort): the backend is unresolved and requests to it get 500. Use one of the Service's ports.`,
          fix: ports.length === 1 ? { op: "set", path: portPath, value: ports[0], description: `port: ${ports[0]}` } : null
        });
      }
    }
  }
});
var gatewayApiRouteRules = [routeParentNotFound, routeParentRejectsRoute, routeBackendNotFound, routeBackendNotPermitted, routeBackendPortNotFound];

// src/rules/analyzers/traffic/index.ts
var trafficAnalyzerRules = [
  ...vsDestinationRules,
  ...vsGatewayRules,
  ...destinationRuleRules,
  ...gatewayRules,
  ...sidecarRules,
  ...authzRules,
  ...gatewayApiRouteRules
];

// src/rules/analyzers/workload/annotation-registry.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { isIP as isIP2 } from "node:net";
var POD = ["Pod"];
function uint(value, bits) {
  if (!/^[0-9]+$/.test(value)) return false;
  return Number(value) <= (bits === 16 ? 65535 : 4294967295);
}
var portList = (value) => {
  const v = value.trim();
  if (v === "") return null;
  for (const p of v.split(",")) if (!uint(p.trim(), 16)) return `"${p}" is not a port number`;
  return null;
};
function isCidr(s) {
  const slash = s.indexOf("/");
  if (slash === -1) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const family = isIP2(ip);
  if (family === 0 || !/^[0-9]+$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
var cidrList = (value) => {
  if (value === "") return null;
  for (const c of value.split(",")) if (!isCidr(c)) return `"${c}" is not a CIDR (address/prefix length, no spaces)`;
  return null;
};
var GO_BOOLS = /* @__PURE__ */ new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);
var VALIDATORS = {
  interceptionMode: (v) => ["REDIRECT", "TPROXY", "NONE"].includes(v) ? null : "must be REDIRECT, TPROXY or NONE",
  port: (v) => uint(v.trim(), 16) ? null : "must be a port number",
  uint32: (v) => uint(v, 32) ? null : "must be a non-negative whole number",
  includeIPRanges: (v) => v === "*" ? null : cidrList(v),
  excludeIPRanges: cidrList,
  includePorts: (v) => v === "*" ? null : portList(v),
  ports: portList,
  bool: (v) => GO_BOOLS.has(v) ? null : "must be true or false",
  proxyConfig: (v) => {
    try {
      const parsed = (0, import_yaml4.parse)(v);
      return parsed === null || typeof parsed === "object" && !Array.isArray(parsed) ? null : "must be a ProxyConfig in YAML or JSON";
    } catch {
      return "is not valid YAML/JSON";
    }
  }
};
var ISTIO_ANNOTATIONS = {
  // any resource
  "galley.istio.io/analyze-suppress": { resources: ["Any"] },
  "gateway.istio.io/controller-version": { resources: ["Any"] },
  // Services and ServiceEntries
  "networking.istio.io/exportTo": { resources: ["Service"] },
  "networking.istio.io/traffic-distribution": { resources: ["Service", "ServiceEntry"] },
  "traffic.istio.io/nodeSelector": { resources: ["Service"] },
  "alpha.istio.io/kubernetes-serviceaccounts": { resources: ["Service"], deprecated: true },
  "alpha.istio.io/canonical-serviceaccounts": { resources: ["Service"], deprecated: true },
  // Gateways (Kubernetes Gateway API) and classes
  "gateway.istio.io/name-override": { resources: ["Gateway"] },
  "gateway.istio.io/service-account": { resources: ["Gateway"] },
  "networking.istio.io/address-type": { resources: ["Gateway"] },
  "networking.istio.io/service-type": { resources: ["Gateway"] },
  "ambient.istio.io/waypoint-inbound-binding": { resources: ["GatewayClass", "Gateway"] },
  // other Istio resources
  "istio.io/dry-run": { resources: ["AuthorizationPolicy"] },
  "istio.io/autoRegistrationGroup": { resources: ["WorkloadEntry"] },
  "istio.io/workloadController": { resources: ["WorkloadEntry"] },
  "istio.io/connectedAt": { resources: ["WorkloadEntry"] },
  "istio.io/disconnectedAt": { resources: ["WorkloadEntry"] },
  "topology.istio.io/controlPlaneClusters": { resources: ["Namespace"] },
  "kubernetes.io/ingress.class": { resources: ["Ingress"] },
  // Pods (and pod templates)
  "ambient.istio.io/redirection": { resources: POD },
  "ambient.istio.io/dns-capture": { resources: POD },
  "ambient.istio.io/bypass-inbound-capture": { resources: POD },
  "istio.io/reroute-virtual-interfaces": { resources: POD },
  "inject.istio.io/templates": { resources: POD },
  "prometheus.istio.io/merge-metrics": { resources: POD, validate: VALIDATORS.bool },
  "proxy.istio.io/config": { resources: POD, validate: VALIDATORS.proxyConfig },
  "proxy.istio.io/overrides": { resources: POD },
  "readiness.status.sidecar.istio.io/applicationPorts": { resources: POD },
  "readiness.status.sidecar.istio.io/failureThreshold": { resources: POD, validate: VALIDATORS.uint32 },
  "readiness.status.sidecar.istio.io/initialDelaySeconds": { resources: POD, validate: VALIDATORS.uint32 },
  "readiness.status.sidecar.istio.io/periodSeconds": { resources: POD, validate: VALIDATORS.uint32 },
  "sidecar.istio.io/agentLogLevel": { resources: POD },
  "sidecar.istio.io/bootstrapOverride": { resources: POD },
  "sidecar.istio.io/componentLogLevel": { resources: POD },
  "sidecar.istio.io/discoveryAddress": { resources: POD, deprecated: true },
  "sidecar.istio.io/enableCoreDump": { resources: POD },
  "sidecar.istio.io/extraStatTags": { resources: POD, deprecated: true },
  "sidecar.istio.io/inject": { resources: POD, deprecated: true },
  "sidecar.istio.io/interceptionMode": { resources: POD, validate: VALIDATORS.interceptionMode },
  "sidecar.istio.io/logLevel": { resources: POD },
  "sidecar.istio.io/nativeSidecar": { resources: POD },
  "sidecar.istio.io/proxyCPU": { resources: POD },
  "sidecar.istio.io/proxyCPULimit": { resources: POD },
  "sidecar.istio.io/proxyImage": { resources: POD },
  "sidecar.istio.io/proxyImageType": { resources: POD },
  "sidecar.istio.io/proxyMemory": { resources: POD },
  "sidecar.istio.io/proxyMemoryLimit": { resources: POD },
  "sidecar.istio.io/rewriteAppHTTPProbers": { resources: POD },
  "sidecar.istio.io/statsCompression": { resources: POD },
  "sidecar.istio.io/statsEvictionInterval": { resources: POD },
  "sidecar.istio.io/statsFlushInterval": { resources: POD },
  "sidecar.istio.io/statsHistogramBuckets": { resources: POD },
  "sidecar.istio.io/statsInclusionPrefixes": { resources: POD, deprecated: true },
  "sidecar.istio.io/statsInclusionRegexps": { resources: POD, deprecated: true },
  "sidecar.istio.io/statsInclusionSuffixes": { resources: POD, deprecated: true },
  "sidecar.istio.io/status": { resources: POD },
  "sidecar.istio.io/userVolume": { resources: POD },
  "sidecar.istio.io/userVolumeMount": { resources: POD },
  "status.sidecar.istio.io/port": { resources: POD, validate: VALIDATORS.port },
  "traffic.sidecar.istio.io/excludeInboundPorts": { resources: POD, validate: VALIDATORS.ports },
  "traffic.sidecar.istio.io/excludeInterfaces": { resources: POD },
  "traffic.sidecar.istio.io/excludeOutboundIPRanges": { resources: POD, validate: VALIDATORS.excludeIPRanges },
  "traffic.sidecar.istio.io/excludeOutboundPorts": { resources: POD, validate: VALIDATORS.ports },
  "traffic.sidecar.istio.io/includeInboundPorts": { resources: POD, validate: VALIDATORS.includePorts },
  "traffic.sidecar.istio.io/includeOutboundIPRanges": { resources: POD, validate: VALIDATORS.includeIPRanges },
  "traffic.sidecar.istio.io/includeOutboundPorts": { resources: POD },
  "traffic.sidecar.istio.io/kubevirtInterfaces": { resources: POD }
};
var IGNORED_ANNOTATIONS = /* @__PURE__ */ new Set(["sidecar.istio.io/status", "gateway.istio.io/controller-version", "istio.io/rev"]);
function isIstioAnnotation(key) {
  if (key === "kubernetes.io/ingress.class") return true;
  const slash = key.indexOf("/");
  return slash !== -1 && key.slice(0, slash).endsWith("istio.io");
}
var ISTIO_LABELS = /* @__PURE__ */ new Set([
  "istio.io/dataplane-mode",
  "istio.io/use-waypoint",
  "istio.io/use-waypoint-namespace",
  "istio.io/waypoint-for",
  "istio.io/ingress-use-waypoint",
  "topology.istio.io/network",
  "topology.istio.io/cluster",
  "topology.istio.io/subzone",
  "service.istio.io/canonical-name",
  "service.istio.io/canonical-revision",
  "security.istio.io/tlsMode",
  "networking.istio.io/gatewayPort",
  "networking.istio.io/enable-autoallocate-ip",
  "istio.io/tag"
]);

// src/rules/analyzers/workload/common.ts
var IGNORED_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"]);
function isIgnoredNamespace(ns) {
  return ns !== null && IGNORED_NAMESPACES.has(ns);
}
function isControlPlane(labels) {
  return Object.prototype.hasOwnProperty.call(labels, "istio") || labels.release === "istio";
}
function labelSelectorMatches(selector, labels) {
  if (!isObject(selector)) return true;
  for (const [k, v] of Object.entries(asStringMap(selector.matchLabels))) if (labels[k] !== v) return false;
  for (const e of asArray(selector.matchExpressions)) {
    if (!isObject(e)) continue;
    const key = asString(e.key) ?? "";
    const values = asArray(e.values).map((x) => String(x));
    const has3 = Object.prototype.hasOwnProperty.call(labels, key);
    switch (asString(e.operator)) {
      case "In":
        if (!has3 || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has3 && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has3) return false;
        break;
      case "DoesNotExist":
        if (has3) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
function containersOf(w) {
  if (!w.podSpec) return [];
  const specPath = w.kind === "Pod" ? ["spec"] : [...w.templatePath.slice(0, -1), "spec"];
  const out = [];
  for (const key of ["containers", "initContainers"]) {
    asArray(w.podSpec[key]).forEach((c, i) => {
      if (isObject(c)) out.push({ container: c, path: [...specPath, key, i], init: key === "initContainers" });
    });
  }
  return out;
}
function podSpecPath(w) {
  return w.kind === "Pod" ? ["spec"] : [...w.templatePath.slice(0, -1), "spec"];
}
function repoWorkloads(all) {
  return all.filter((w) => w.resource !== null && w.podSpec !== null && !isIgnoredNamespace(w.namespace));
}
var indexCache = /* @__PURE__ */ new WeakMap();
function indexes(mesh) {
  let ix = indexCache.get(mesh);
  if (!ix) {
    ix = { namespaces: /* @__PURE__ */ new Map(), servicesByNs: /* @__PURE__ */ new Map() };
    for (const n of mesh.byKind("Namespace")) if (!ix.namespaces.has(n.name)) ix.namespaces.set(n.name, n);
    for (const s of mesh.byKind("Service")) {
      const list = ix.servicesByNs.get(s.namespace ?? "") ?? [];
      list.push(s);
      ix.servicesByNs.set(s.namespace ?? "", list);
    }
    indexCache.set(mesh, ix);
  }
  return ix;
}
function namespaceLabels2(mesh, name) {
  return indexes(mesh).namespaces.get(name)?.labels ?? null;
}
function servicesIn(mesh, namespace) {
  return indexes(mesh).servicesByNs.get(namespace) ?? [];
}
function byNamespaceAndName(list) {
  return [...list].sort((a, b) => (a.namespace ?? "") < (b.namespace ?? "") ? -1 : (a.namespace ?? "") > (b.namespace ?? "") ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

// src/rules/analyzers/workload/annotations.ts
var CORE_KINDS = /* @__PURE__ */ new Set(["Namespace", "Service", "Pod"]);
var KNOWN = Object.keys(ISTIO_ANNOTATIONS);
function annotatedObjects(resources) {
  const out = [];
  for (const r of resources) {
    if (isIgnoredNamespace(r.namespace)) continue;
    const isCore = r.group === "" && CORE_KINDS.has(r.kind);
    const w = !isCore ? workloadOf(r) : null;
    if (!isCore && (!w || w.kind === "WorkloadEntry")) continue;
    out.push({ resource: r, kind: r.kind, annotations: r.annotations, labels: r.labels, metadataPath: ["metadata"], where: `this ${r.kind}` });
    if (w && w.kind !== "Pod") {
      out.push({ resource: r, kind: "Pod", annotations: w.annotations, labels: w.labels, metadataPath: w.templatePath, where: "the pod template" });
    }
  }
  return out;
}
function eachIstioAnnotation(ctx, visit) {
  for (const o of annotatedObjects(ctx.mesh.resources)) {
    for (const [key, value] of Object.entries(o.annotations)) {
      if (!isIstioAnnotation(key) || IGNORED_ANNOTATIONS.has(key)) continue;
      visit(ctx, o, key, value, ISTIO_ANNOTATIONS[key]);
    }
  }
}
var pathOf = (o, key) => [...o.metadataPath, "annotations", key];
var attachesToAny = (def) => def.resources.includes("Any");
var unknownAnnotation = defineRule({
  id: "unknown-istio-annotation",
  severity: "warning",
  istioCode: "IST0108",
  group: "analyzers/workload",
  fixable: true,
  title: "An annotation in an istio.io namespace that Istio does not know: it does nothing (often a typo).",
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, _value, def) => {
      if (def) return;
      if (ISTIO_LABELS.has(key)) {
        c.report({
          resource: o.resource,
          path: pathOf(o, key),
          subject: key,
          message: `"${key}" is an Istio label, not an annotation: Istio ignores it under annotations, so the setting never takes effect. Move it to ${o.metadataPath.length > 1 ? "spec.template.metadata.labels" : "metadata.labels"}.`
        });
        return;
      }
      const guess = closest(key, KNOWN);
      const clash = guess !== null && Object.prototype.hasOwnProperty.call(o.annotations, guess);
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: key,
        message: `"${key}" is not an Istio annotation, so Istio ignores it and the setting you meant never takes effect.${guess ? ` Did you mean "${guess}"?` : " Check the name against Istio's annotation list."}`,
        fix: guess && !clash ? { op: "renameKey", path: pathOf(o, key), newKey: guess, description: `rename to ${guess}` } : null
      });
    });
  }
});
var misplacedAnnotation = defineRule({
  id: "misplaced-istio-annotation",
  severity: "warning",
  istioCode: "IST0107",
  group: "analyzers/workload",
  fixable: false,
  title: "An Istio annotation on a kind of object it does not apply to (e.g. a Pod annotation on a Deployment's own metadata).",
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, _value, def) => {
      if (!def || attachesToAny(def) || def.resources.includes(o.kind)) return;
      const w = def.resources.includes("Pod") && o.kind !== "Pod" && o.metadataPath.length === 1 ? workloadOf(o.resource) : null;
      const templateAnnotations = w && w.kind !== "WorkloadEntry" ? [...w.templatePath, "annotations"].join(".") : null;
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: `${o.kind}:${key}`,
        message: `"${key}" belongs on ${def.resources.join(", ")} objects, not on ${o.where}: Istio never reads it here, so it has no effect.` + (templateAnnotations ? ` Move it to ${templateAnnotations} so the pods get it.` : "")
      });
    });
  }
});
var invalidAnnotation = defineRule({
  id: "invalid-istio-annotation-value",
  severity: "warning",
  istioCode: "IST0125",
  group: "analyzers/workload",
  fixable: false,
  title: "An Istio annotation whose value the sidecar injector rejects.",
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, value, def) => {
      if (!def?.validate || !attachesToAny(def) && !def.resources.includes(o.kind)) return;
      const why = def.validate(value);
      if (why === null) return;
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: key,
        message: `"${key}: ${value}" is invalid (${why}): sidecar injection fails for these pods or the setting is ignored.`
      });
    });
  }
});
var deprecatedAnnotation = defineRule({
  id: "deprecated-istio-annotation",
  severity: "info",
  istioCode: "IST0135",
  group: "analyzers/workload",
  fixable: false,
  title: "An Istio annotation that is deprecated and may stop working in a future release.",
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, _value, def) => {
      if (!def?.deprecated) return;
      if (key === "sidecar.istio.io/inject" && Object.prototype.hasOwnProperty.call(o.labels, "sidecar.istio.io/inject")) return;
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: `${o.kind}:${key}`,
        message: `"${key}" is deprecated${key === "sidecar.istio.io/inject" ? ' in favour of the "sidecar.istio.io/inject" label' : ""} and may be ignored by a future Istio release.`
      });
    });
  }
});
var annotationRules = [unknownAnnotation, misplacedAnnotation, invalidAnnotation, deprecatedAnnotation];

// src/rules/analyzers/workload/control-plane.ts
import { isIP as isIP3 } from "node:net";
var blockedCidrs = defineRule({
  id: "istiod-jwks-fetch-unrestricted",
  severity: "warning",
  istioCode: "IST0175",
  group: "analyzers/workload",
  fixable: false,
  title: "RequestAuthentications exist but istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS: jwksUri can reach internal addresses.",
  check(ctx) {
    const ras = ctx.mesh.byKind("RequestAuthentication").filter((r) => !isIgnoredNamespace(r.namespace));
    if (ras.length === 0) return;
    const names = ras.slice(0, 5).map((r) => `${r.namespace}/${r.name}`).join(", ") + (ras.length > 5 ? ", \u2026" : "");
    for (const d of ctx.mesh.byKind("Deployment")) {
      if (d.labels.app !== "istiod") continue;
      const containers = asArray(asObject(asObject(asObject(d.spec.template).spec)).containers);
      const configured = containers.some((c) => asArray(asObject(c).env).some((e) => isObject(e) && e.name === "BLOCKED_CIDRS_IN_JWKS_URIS" && (typeof e.value === "string" && e.value !== "" || isObject(e.valueFrom))));
      if (configured) continue;
      ctx.report({
        resource: d,
        path: ["spec", "template", "spec", "containers"],
        subject: "BLOCKED_CIDRS_IN_JWKS_URIS",
        message: `istiod fetches the jwksUri of RequestAuthentications (${names}) without BLOCKED_CIDRS_IN_JWKS_URIS: anyone who can create a RequestAuthentication can make istiod request internal addresses (SSRF). Set the env var on the discovery container to the ranges to block (e.g. "169.254.0.0/16,10.0.0.0/8").`
      });
    }
  }
});
function controlPlaneWebhookConfigs(mesh) {
  return [
    ...mesh.byKind("ValidatingWebhookConfiguration").filter((r) => r.name === "istiod-default-validator" || r.name.startsWith("istio-validator")),
    ...mesh.byKind("MutatingWebhookConfiguration").filter((r) => r.name.startsWith("istio-sidecar-injector"))
  ];
}
function urlProblem(clientConfig) {
  const cc = asObject(clientConfig);
  const url = asString(cc.url) ?? "";
  if (url === "") return isObject(cc.service) ? null : { kind: "blank", url };
  let host;
  try {
    host = new URL(url).hostname;
  } catch {
    return { kind: "unparsable", url };
  }
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  return isIP3(host) !== 0 ? { kind: "ip", url } : null;
}
function eachWebhookProblem(resources, want, report2) {
  for (const r of resources) {
    asArray(r.obj.webhooks).forEach((wh, i) => {
      if (!isObject(wh)) return;
      const p = urlProblem(wh.clientConfig);
      if (p && want(p)) report2(r, i, asString(wh.name) ?? `#${i}`, p);
    });
  }
}
var externalControlPlaneInvalid = defineRule({
  id: "control-plane-webhook-url-invalid",
  severity: "warning",
  istioCode: "IST0163",
  group: "analyzers/workload",
  fixable: false,
  title: "An Istio injection/validation webhook has a blank or unparsable clientConfig.url and no service.",
  check(ctx) {
    eachWebhookProblem(controlPlaneWebhookConfigs(ctx.mesh), (p) => p.kind !== "ip", (r, i, name, p) => {
      const has3 = isObject(asObject(asArray(r.obj.webhooks)[i]).clientConfig) && asObject(asObject(asArray(r.obj.webhooks)[i]).clientConfig).url !== void 0;
      ctx.report({
        resource: r,
        path: ["webhooks", i, "clientConfig", ...has3 ? ["url"] : []],
        subject: name,
        message: p.kind === "blank" ? `Webhook "${name}" has neither clientConfig.url nor clientConfig.service: the API server cannot call it, so ${r.kind === "MutatingWebhookConfiguration" ? "sidecar injection" : "config validation"} fails. Set the URL of the external istiod.` : `Webhook "${name}" has clientConfig.url "${p.url}", which is not a valid URL: the API server cannot call it. Use https://<istiod host>:<port>/<path>.`
      });
    });
  }
});
var externalControlPlaneIp = defineRule({
  id: "control-plane-webhook-url-ip",
  severity: "info",
  istioCode: "IST0164",
  group: "analyzers/workload",
  fixable: false,
  title: "An Istio webhook points at an IP address instead of a host name.",
  check(ctx) {
    eachWebhookProblem(controlPlaneWebhookConfigs(ctx.mesh), (p) => p.kind === "ip", (r, i, name, p) => {
      ctx.report({
        resource: r,
        path: ["webhooks", i, "clientConfig", "url"],
        subject: name,
        message: `Webhook "${name}" calls "${p.url}" by IP address: the istiod serving certificate must then carry that IP, and the webhook breaks when the address changes. Prefer a stable host name.`
      });
    });
  }
});
function revisionsIn(selector, into) {
  const s = asObject(selector);
  const v = asStringMap(s.matchLabels)["istio.io/rev"];
  if (v !== void 0) into.add(v);
  for (const e of asArray(s.matchExpressions)) if (isObject(e) && e.key === "istio.io/rev") {
    for (const x of asArray(e.values)) if (typeof x === "string") into.add(x);
  }
}
function istioInjectionHooks(configs) {
  const hooks = [];
  const revisions = /* @__PURE__ */ new Set();
  for (const c of configs) {
    const list = asArray(c.obj.webhooks);
    const revs = /* @__PURE__ */ new Set();
    if (c.labels["istio.io/rev"] !== void 0) revs.add(c.labels["istio.io/rev"]);
    for (const h of list) if (isObject(h)) {
      revisionsIn(h.namespaceSelector, revs);
      revisionsIn(h.objectSelector, revs);
    }
    const istio = revs.size > 0 || list.some((h) => isObject(h) && (asString(h.name) ?? "").endsWith("istio.io"));
    if (!istio) continue;
    for (const r of revs) revisions.add(r);
    list.forEach((h, index) => {
      if (isObject(h)) hooks.push({ config: c, index, name: asString(h.name) ?? "", namespaceSelector: h.namespaceSelector, objectSelector: h.objectSelector });
    });
  }
  return { hooks, revisions };
}
function labelPermutations(key, values, revisions) {
  const base = [{}, ...values.map((v) => ({ [key]: v }))];
  const out = [...base];
  for (const rev of revisions) for (const b of base) out.push({ ...b, "istio.io/rev": rev });
  return out;
}
var overlappingWebhooks = defineRule({
  id: "injection-webhooks-overlap",
  severity: "error",
  istioCode: "IST0139",
  group: "analyzers/workload",
  fixable: false,
  title: "Istio injection webhooks that select the same pods: they are injected twice and fail to start.",
  check(ctx) {
    const { hooks, revisions } = istioInjectionHooks(ctx.mesh.byKind("MutatingWebhookConfiguration"));
    if (hooks.length < 2) return;
    const label2 = (h) => `${h.config.name}/${h.name}`;
    const reported = /* @__PURE__ */ new Set();
    for (const ns of labelPermutations("istio-injection", ["enabled", "disabled"], revisions)) {
      for (const obj2 of labelPermutations("sidecar.istio.io/inject", ["true", "false"], revisions)) {
        const matched = hooks.filter((h) => labelSelectorMatches(h.namespaceSelector, ns) && labelSelectorMatches(h.objectSelector, obj2));
        if (matched.length < 2) continue;
        for (const h of matched) {
          const others = matched.filter((o) => o !== h).map(label2).sort();
          const key = `${label2(h)}|${others.join(",")}`;
          if (reported.has(key)) continue;
          reported.add(key);
          ctx.report({
            resource: h.config,
            path: ["webhooks", h.index, "name"],
            subject: `${h.name} overlaps ${others.join(",")}`,
            message: `Webhook "${h.name}" selects the same pods as ${others.map((o) => `"${o}"`).join(", ")} (for example a namespace labelled ${JSON.stringify(ns)} and pod labels ${JSON.stringify(obj2)}): such pods are injected twice and fail to start (duplicate istio-proxy container). Narrow the namespaceSelector/objectSelector (e.g. by istio.io/rev) so each pod matches one webhook.`
          });
        }
      }
    }
  }
});
var webhookServiceMissing = defineRule({
  id: "injection-webhook-service-missing",
  severity: "warning",
  istioCode: "IST0139",
  group: "analyzers/workload",
  fixable: false,
  title: "An Istio injection webhook calls a Service that is not defined in this repository.",
  check(ctx) {
    const { hooks } = istioInjectionHooks(ctx.mesh.byKind("MutatingWebhookConfiguration"));
    const services = new Set(ctx.mesh.byKind("Service").map((s) => `${s.namespace}/${s.name}`));
    const declared = new Set(ctx.mesh.config.external.namespaces);
    const configs = new Set(hooks.map((h) => h.config));
    for (const c of configs) {
      asArray(c.obj.webhooks).forEach((wh, i) => {
        const svc = asObject(asObject(asObject(wh).clientConfig).service);
        const name = asString(svc.name);
        const ns = asString(svc.namespace);
        if (!name || !ns || services.has(`${ns}/${name}`) || declared.has(ns)) return;
        ctx.report({
          resource: c,
          path: ["webhooks", i, "clientConfig", "service", "name"],
          subject: `${ns}/${name}`,
          message: `Webhook "${asString(asObject(wh).name) ?? i}" calls Service ${ns}/${name}, which is not defined in this repository: if it does not exist in the cluster, pod creation in the selected namespaces fails (or injection is skipped with failurePolicy Ignore). Check the name, or declare "${ns}" under external.namespaces if istiod is installed elsewhere.`
        });
      });
    }
  }
});
var MIN_BUNDLE = {
  "grpcroutes.gateway.networking.k8s.io": "1.1.0",
  "backendtlspolicies.gateway.networking.k8s.io": "1.4.0",
  "tlsroutes.gateway.networking.k8s.io": "1.5.0",
  "tcproutes.gateway.networking.k8s.io": "1.6.0"
};
var BUNDLE = "gateway.networking.k8s.io/bundle-version";
function semver(v) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}
var gatewayCrdVersion = defineRule({
  id: "gateway-api-crd-too-old",
  severity: "warning",
  istioCode: "IST0176",
  group: "analyzers/workload",
  fixable: false,
  title: "A Gateway API CRD older than the version this Istio needs for that kind.",
  check(ctx) {
    for (const crd of ctx.mesh.byKind("CustomResourceDefinition")) {
      const min = MIN_BUNDLE[crd.name];
      const have = crd.annotations[BUNDLE];
      if (!min || have === void 0) continue;
      const h = semver(have);
      const m = semver(min);
      if (!h) continue;
      const below = h[0] - m[0] || h[1] - m[1] || h[2] - m[2];
      if (below >= 0) continue;
      ctx.report({
        resource: crd,
        path: ["metadata", "annotations", BUNDLE],
        subject: crd.name,
        message: `${crd.name} is from Gateway API ${have}, but Istio needs at least v${min} for it: Istio ignores these routes or fails to watch them. Install the Gateway API CRDs v${min} or newer.`
      });
    }
  }
});
var BUILTIN_REGISTRIES = ["Mock", "Kubernetes", "External"];
var meshNetworksRegistry = defineRule({
  id: "mesh-networks-unknown-registry",
  severity: "error",
  istioCode: "IST0126",
  group: "analyzers/workload",
  fixable: true,
  title: "A meshNetworks endpoint names a registry that is neither built in nor a remote cluster's secret.",
  check(ctx) {
    const clusters = /* @__PURE__ */ new Set();
    for (const s of ctx.mesh.byKind("Secret")) {
      if (s.labels["istio/multiCluster"] !== "true") continue;
      for (const k of [...Object.keys(asObject(s.obj.data)), ...Object.keys(asObject(s.obj.stringData))]) clusters.add(k);
    }
    for (const mn of ctx.mesh.byKind("MeshNetworks", "mesh.istio.io")) {
      for (const [net, def] of Object.entries(asObject(mn.obj.networks))) {
        asArray(asObject(def).endpoints).forEach((ep, i) => {
          const reg = asString(asObject(ep).fromRegistry);
          if (reg === void 0 || BUILTIN_REGISTRIES.includes(reg) || clusters.has(reg)) return;
          const builtin = BUILTIN_REGISTRIES.find((b) => b.toLowerCase() === reg.toLowerCase());
          const path5 = ["networks", net, "endpoints", i, "fromRegistry"];
          ctx.report({
            resource: mn,
            path: path5,
            subject: `${net}:${reg}`,
            message: `Network "${net}" takes endpoints from registry "${reg}", which is not Kubernetes, External, Mock${clusters.size ? ` or a cluster of the remote secrets (${[...clusters].join(", ")})` : ", and no Secret labelled istio/multiCluster=true in this repository has that key"}: istiod finds no endpoints for this network, so cross-network traffic fails.${builtin ? ` Registry names are case-sensitive: use "${builtin}".` : ""}`,
            fix: builtin ? { op: "set", path: path5, value: builtin, description: `fromRegistry: ${builtin}` } : null
          });
        });
      }
    }
  }
});
var controlPlaneRules = [blockedCidrs, externalControlPlaneInvalid, externalControlPlaneIp, overlappingWebhooks, webhookServiceMissing, gatewayCrdVersion, meshNetworksRegistry];

// src/rules/analyzers/workload/deployment.ts
var WAYPOINT_LABEL = "gateway.istio.io/managed";
function workloadInMesh(mesh, w) {
  if (containersOf(w).some((c) => c.container.name === "istio-proxy" && typeof c.container.image === "string" && c.container.image !== "")) return true;
  const inject = w.labels["sidecar.istio.io/inject"] ?? w.annotations["sidecar.istio.io/inject"];
  if (inject !== void 0) return inject === "true";
  const ns = namespaceLabels2(mesh, w.namespace);
  if (!ns) return false;
  return ns["istio-injection"] === "enabled" || ns["istio-injection"] === void 0 && ns["istio.io/rev"] !== void 0;
}
function servicesSelecting2(mesh, w) {
  return servicesIn(mesh, w.namespace).filter((s) => {
    const sel = asStringMap(s.spec.selector);
    return Object.keys(sel).length > 0 && labelsMatch(sel, w.labels);
  });
}
function portsOf3(svcs) {
  const out = [];
  for (const s of svcs) {
    for (const p of asArray(s.spec.ports)) {
      if (!isObject(p) || typeof p.port !== "number") continue;
      const tp = p.targetPort;
      out.push({ service: s.name, port: p.port, protocol: (asString(p.protocol) || "TCP").toUpperCase(), target: typeof tp === "number" || typeof tp === "string" && tp !== "" ? String(tp) : String(p.port) });
    }
  }
  return out;
}
function meshWorkloads(mesh) {
  return repoWorkloads(mesh.workloads).filter((w) => w.kind !== "WorkloadEntry" && w.resource.labels[WAYPOINT_LABEL] !== "istio.io-mesh-controller" && workloadInMesh(mesh, w));
}
var multiServiceProtocols = defineRule({
  id: "workload-services-port-protocol-conflict",
  severity: "warning",
  istioCode: "IST0116",
  group: "analyzers/workload",
  fixable: false,
  title: "Services selecting the same workload declare one port number with different protocols.",
  check(ctx) {
    for (const w of meshWorkloads(ctx.mesh)) {
      const byPort = /* @__PURE__ */ new Map();
      for (const p of portsOf3(servicesSelecting2(ctx.mesh, w))) {
        const protos = byPort.get(p.port) ?? byPort.set(p.port, /* @__PURE__ */ new Map()).get(p.port);
        (protos.get(p.protocol) ?? protos.set(p.protocol, /* @__PURE__ */ new Set()).get(p.protocol)).add(p.service);
      }
      for (const [port, protos] of byPort) {
        const services = new Set([...protos.values()].flatMap((s) => [...s]));
        if (protos.size < 2 || services.size < 2) continue;
        const list = [...protos].map(([proto, svcs]) => `${[...svcs].join(", ")} (${proto})`).join("; ");
        ctx.report({
          resource: w.resource,
          path: ["metadata", "name"],
          subject: `port ${port}`,
          message: `${w.kind} "${w.name}" is selected by several Services that declare port ${port} with different protocols: ${list}. Istio builds one listener per port, so one of them gets the wrong protocol and its traffic fails. Use one protocol per port number.`
        });
      }
    }
  }
});
var multiServiceTargetPorts = defineRule({
  id: "workload-services-target-port-conflict",
  severity: "warning",
  istioCode: "IST0137",
  group: "analyzers/workload",
  fixable: false,
  title: "Service ports selecting the same workload send different port numbers to the same target port.",
  check(ctx) {
    for (const w of meshWorkloads(ctx.mesh)) {
      const svcs = servicesSelecting2(ctx.mesh, w);
      const byTarget = /* @__PURE__ */ new Map();
      for (const p of portsOf3(svcs)) (byTarget.get(p.target) ?? byTarget.set(p.target, /* @__PURE__ */ new Map()).get(p.target)).set(p.port, p.service);
      for (const [target, ports] of byTarget) {
        if (ports.size < 2) continue;
        const list = [...ports].map(([port, svc]) => `${port} (${svc})`).join(", ");
        ctx.report({
          resource: w.resource,
          path: ["metadata", "name"],
          subject: `targetPort ${target}`,
          message: `${w.kind} "${w.name}" receives container port ${target} through different service ports: ${list}. The sidecar configures inbound traffic per port and one of them is dropped or gets the wrong settings. Use the same service port number for the same target port.`
        });
      }
    }
  }
});
var applicationUid = defineRule({
  id: "workload-uses-proxy-uid",
  severity: "warning",
  istioCode: "IST0144",
  group: "analyzers/workload",
  fixable: false,
  title: "A workload runs as UID 1337, the sidecar proxy's user: its traffic bypasses the proxy.",
  check(ctx) {
    for (const w of repoWorkloads(ctx.mesh.workloads)) {
      if (w.kind === "WorkloadEntry" || isControlPlane(w.resource.labels) || isControlPlane(w.labels) || isIgnoredNamespace(w.namespace)) continue;
      const podSec = asObject(w.podSpec.securityContext);
      let path5 = podSec.runAsUser === 1337 ? [...podSpecPath(w), "securityContext", "runAsUser"] : null;
      if (!path5) {
        for (const c of containersOf(w)) {
          if (c.container.name === "istio-proxy" || c.container.name === "istio-operator") continue;
          if (asObject(c.container.securityContext).runAsUser === 1337) {
            path5 = [...c.path, "securityContext", "runAsUser"];
            break;
          }
        }
      }
      if (!path5) continue;
      ctx.report({
        resource: w.resource,
        path: path5,
        subject: "runAsUser 1337",
        message: `${w.kind} "${w.name}" runs as UID 1337, which Istio reserves for the sidecar proxy: the iptables rules let that user's traffic bypass the proxy, so it leaves without mTLS, policy or telemetry. Use another UID.`
      });
    }
  }
});
var deploymentRules = [multiServiceProtocols, multiServiceTargetPorts, applicationUid];

// src/rules/analyzers/workload/deprecation.ts
var RBAC_KINDS = /* @__PURE__ */ new Set(["ClusterRbacConfig", "RbacConfig", "ServiceRole", "ServiceRoleBinding"]);
var deprecatedField = defineRule({
  id: "deprecated-istio-field",
  severity: "warning",
  istioCode: "IST0002",
  group: "analyzers/workload",
  fixable: true,
  title: "A field or API Istio has deprecated or removed (fault.delay.percent, Sidecar egressProxy, rbac.istio.io CRDs).",
  check(ctx) {
    for (const vs of ctx.mesh.byKind("VirtualService")) {
      if (isIgnoredNamespace(vs.namespace)) continue;
      const routes2 = asArray(vs.spec.http).map((route, i) => ({ i, delay: asObject(asObject(asObject(route).fault).delay) })).filter((r) => typeof r.delay.percent === "number" && r.delay.percent > 0);
      const first = routes2[0];
      if (!first) continue;
      const percent = first.delay.percent;
      const path5 = ["spec", "http", first.i, "fault", "delay", "percent"];
      const more = routes2.length > 1 ? ` ${routes2.length - 1} more route(s) of this VirtualService use it too.` : "";
      ctx.report({
        resource: vs,
        path: path5,
        subject: "fault.delay.percent",
        message: `fault.delay.percent is deprecated: use "percentage: {value: ${percent}}", which also allows fractions. Newer Istio versions may drop the old field and inject the delay into all or no requests.${more}`,
        fix: first.delay.percentage === void 0 ? { op: "replaceEntry", path: path5, newKey: "percentage", value: { value: percent }, description: `percentage: {value: ${percent}}` } : null
      });
    }
    for (const sc of ctx.mesh.byKind("Sidecar")) {
      if (isIgnoredNamespace(sc.namespace)) continue;
      const otp = asObject(sc.spec.outboundTrafficPolicy);
      if (otp.egressProxy === void 0 || otp.egressProxy === null) continue;
      ctx.report({
        resource: sc,
        path: ["spec", "outboundTrafficPolicy", "egressProxy"],
        subject: "outboundTrafficPolicy.egressProxy",
        message: "outboundTrafficPolicy.egressProxy is deprecated and ignored by Istio: traffic does not go to that proxy. Route egress through an egress gateway with a ServiceEntry and VirtualService instead, and remove the field."
      });
    }
    for (const crd of ctx.mesh.byKind("CustomResourceDefinition")) {
      const kind = asString(asObject(crd.spec.names).kind) ?? "";
      if (asString(crd.spec.group) !== "rbac.istio.io" || !RBAC_KINDS.has(kind)) continue;
      ctx.report({
        resource: crd,
        path: ["metadata", "name"],
        subject: crd.name,
        message: `${crd.name} defines ${kind} of the rbac.istio.io API, which Istio removed (since 1.6): objects of this kind do nothing. Use AuthorizationPolicy (security.istio.io) and delete this CRD.`
      });
    }
  }
});
var deprecationRules = [deprecatedField];

// src/rules/analyzers/workload/envoyfilter.ts
var ROUTE_LEVEL = /* @__PURE__ */ new Set(["ROUTE_CONFIGURATION", "HTTP_ROUTE"]);
var REPLACEABLE = /* @__PURE__ */ new Set(["NETWORK_FILTER", "HTTP_FILTER", "VIRTUAL_HOST"]);
function analyze(resources) {
  const out = [];
  const versionedNames = [];
  for (const ef of byNamespaceAndName(resources.filter((r) => !isIgnoredNamespace(r.namespace)))) {
    const priority = typeof ef.spec.priority === "number" ? ef.spec.priority : 0;
    const patches = asArray(ef.spec.configPatches);
    for (let i = 0; i < patches.length; i++) {
      const cp = asObject(patches[i]);
      if (!isObject(cp.patch)) break;
      const patch = cp.patch;
      const match = asObject(cp.match);
      let name = "";
      if (isObject(patch.value) && Object.keys(patch.value).length > 0) {
        const n = patch.value.name;
        if (n !== void 0 && n !== null) name = String(n);
        else name = asString(asObject(asObject(asObject(match.listener).filterChain).filter).name) ?? "";
      }
      const applyTo = asString(cp.applyTo) ?? "";
      const operation = asString(patch.operation) ?? "";
      const base = { ef, index: i, applyTo, operation, hasValue: patch.value !== void 0 };
      const relative = () => {
        if (priority !== 0) return;
        out.push({ ...base, kind: versionedNames.includes(name) ? "relative-version" : "relative" });
      };
      if (operation === "ADD") {
        if (ROUTE_LEVEL.has(applyTo)) out.push({ ...base, kind: "add" });
      } else if (operation === "REMOVE") {
        if (ROUTE_LEVEL.has(applyTo)) out.push({ ...base, kind: "remove" });
        else relative();
      } else if (operation === "REPLACE") {
        if (!REPLACEABLE.has(applyTo)) out.push({ ...base, kind: "replace" });
        else relative();
      } else if (operation === "INSERT_BEFORE" || operation === "INSERT_AFTER") {
        relative();
      }
      const proxyVersion = asString(asObject(match.proxy).proxyVersion);
      if (proxyVersion) versionedNames.push(name);
    }
  }
  return out;
}
function reportAll(ctx, kind, message) {
  for (const f of analyze(ctx.mesh.byKind("EnvoyFilter"))) {
    if (f.kind !== kind) continue;
    const at = ["spec", "configPatches", f.index, "patch", ...f.hasValue ? ["value"] : []];
    ctx.report({ resource: f.ef, path: at, subject: `patch ${f.applyTo} ${f.operation} #${f.index}`, message: message(f) });
  }
}
var envoyFilterAdd = defineRule({
  id: "envoyfilter-add-on-route",
  severity: "error",
  istioCode: "IST0153",
  group: "analyzers/workload",
  fixable: false,
  title: "An EnvoyFilter ADDs to ROUTE_CONFIGURATION or HTTP_ROUTE, where ADD is ignored.",
  check(ctx) {
    reportAll(ctx, "add", (f) => `operation ADD is ignored for applyTo ${f.applyTo}: this patch never takes effect. Use MERGE to change an existing ${f.applyTo === "HTTP_ROUTE" ? "route" : "route configuration"}; to add routes, use a VirtualService (or ADD on VIRTUAL_HOST to add a whole virtual host).`);
  }
});
var envoyFilterRemove = defineRule({
  id: "envoyfilter-remove-on-route",
  severity: "error",
  istioCode: "IST0154",
  group: "analyzers/workload",
  fixable: false,
  title: "An EnvoyFilter REMOVEs a ROUTE_CONFIGURATION or HTTP_ROUTE, where REMOVE is ignored.",
  check(ctx) {
    reportAll(ctx, "remove", (f) => `operation REMOVE is ignored for applyTo ${f.applyTo}: the object stays in place. Remove routes with a VirtualService change, or MERGE to alter them.`);
  }
});
var envoyFilterReplace = defineRule({
  id: "envoyfilter-replace-unsupported",
  severity: "error",
  istioCode: "IST0152",
  group: "analyzers/workload",
  fixable: false,
  title: "An EnvoyFilter uses REPLACE on an object type that only supports it for filters and virtual hosts.",
  check(ctx) {
    reportAll(ctx, "replace", (f) => `operation REPLACE is only supported for NETWORK_FILTER, HTTP_FILTER and VIRTUAL_HOST, not for applyTo ${f.applyTo || "(unset)"}: this patch is ignored. Use MERGE, or REMOVE and ADD.`);
  }
});
var envoyFilterRelative = defineRule({
  id: "envoyfilter-relative-without-priority",
  severity: "warning",
  istioCode: "IST0151",
  group: "analyzers/workload",
  fixable: false,
  title: "An EnvoyFilter uses a relative operation (REMOVE, REPLACE, INSERT_BEFORE/AFTER) without a priority.",
  check(ctx) {
    reportAll(ctx, "relative", (f) => `operation ${f.operation} acts relative to other filters, and this EnvoyFilter sets no priority: when several EnvoyFilters touch the same chain their order is not guaranteed, so the result can change after an upgrade or restart. Set spec.priority.`);
  }
});
var envoyFilterRelativeVersion = defineRule({
  id: "envoyfilter-relative-with-proxy-version",
  severity: "warning",
  istioCode: "IST0155",
  group: "analyzers/workload",
  fixable: false,
  title: "A relative EnvoyFilter operation without priority on a filter another patch pins to a proxy version.",
  check(ctx) {
    reportAll(ctx, "relative-version", (f) => `operation ${f.operation} acts relative to a filter that another patch matches by proxyVersion, and this EnvoyFilter sets no priority: after a proxy upgrade the versioned patch stops matching and this one lands in a different place. Set spec.priority.`);
  }
});
var envoyFilterRules = [envoyFilterAdd, envoyFilterRemove, envoyFilterReplace, envoyFilterRelative, envoyFilterRelativeVersion];

// src/rules/analyzers/workload/injection.ts
var import_yaml5 = __toESM(require_dist(), 1);
var INJECTION = "istio-injection";
var REV = "istio.io/rev";
var DATAPLANE = "istio.io/dataplane-mode";
function candidateNamespaces(mesh) {
  return mesh.byKind("Namespace").filter((n) => n.name !== mesh.settings.istioNamespace && !isIgnoredNamespace(n.name));
}
function has(labels, key) {
  return Object.prototype.hasOwnProperty.call(labels, key);
}
function injectionLabelCount(labels) {
  let n = has(labels, INJECTION) ? 1 : 0;
  if (!has(labels, INJECTION) || labels[INJECTION] === "enabled") {
    if (has(labels, REV)) n++;
    if (has(labels, DATAPLANE)) n++;
  }
  return n;
}
function injectsByDefault(mesh) {
  for (const cm of mesh.byKind("ConfigMap")) {
    if (cm.name !== "istio-sidecar-injector") continue;
    const raw = asObject(cm.obj.data).values;
    if (typeof raw !== "string") continue;
    let values;
    try {
      values = (0, import_yaml5.parse)(raw);
    } catch {
      continue;
    }
    if (!isObject(values)) continue;
    const v = asObject(values.sidecarInjectorWebhook).enableNamespacesByDefault;
    if (v === true || v === "true") return cm;
  }
  return null;
}
var multipleInjectionLabels = defineRule({
  id: "namespace-multiple-injection-labels",
  severity: "warning",
  istioCode: "IST0123",
  group: "analyzers/workload",
  fixable: false,
  title: "A namespace carries more than one of istio-injection, istio.io/rev and istio.io/dataplane-mode.",
  check(ctx) {
    for (const n of candidateNamespaces(ctx.mesh)) {
      if (injectionLabelCount(n.labels) < 2) continue;
      const present2 = [INJECTION, REV, DATAPLANE].filter((k) => has(n.labels, k)).map((k) => `${k}=${n.labels[k]}`);
      const effect = has(n.labels, INJECTION) && has(n.labels, REV) ? "istio-injection wins over istio.io/rev, so pods get the default revision's sidecar instead of the one named" : "a sidecar and ambient capture would both claim the pods' traffic";
      ctx.report({
        resource: n,
        path: ["metadata", "labels"],
        subject: "injection labels",
        message: `Namespace "${n.name}" has ${present2.join(", ")}: these select different data planes (sidecar injection, a revision, ambient); ${effect}. Keep exactly one.`
      });
    }
  }
});
var namespaceNotInjected = defineRule({
  id: "namespace-not-injected",
  severity: "info",
  istioCode: "IST0102",
  group: "analyzers/workload",
  fixable: false,
  title: "A namespace has no injection label: its pods get no sidecar and stay out of the mesh.",
  check(ctx) {
    if (injectsByDefault(ctx.mesh)) return;
    for (const n of candidateNamespaces(ctx.mesh)) {
      if (injectionLabelCount(n.labels) > 1 || n.labels[DATAPLANE] === "ambient") continue;
      if (has(n.labels, INJECTION) || has(n.labels, REV)) continue;
      ctx.report({
        resource: n,
        path: ["metadata", "name"],
        subject: "no injection label",
        message: `Namespace "${n.name}" has neither "istio-injection" nor "istio.io/rev": its pods get no sidecar, so mTLS, routing and policies do not apply to them. Add "istio-injection: enabled" (or "istio-injection: disabled" to say it is intended).`
      });
    }
  }
});
var namespaceInjectedByDefault = defineRule({
  id: "namespace-injected-by-default",
  severity: "info",
  istioCode: "IST0148",
  group: "analyzers/workload",
  fixable: false,
  title: "A namespace without injection label is injected because the injector enables namespaces by default.",
  check(ctx) {
    const cm = injectsByDefault(ctx.mesh);
    if (!cm) return;
    for (const n of candidateNamespaces(ctx.mesh)) {
      if (injectionLabelCount(n.labels) > 1 || n.labels[DATAPLANE] === "ambient") continue;
      if (has(n.labels, INJECTION) || has(n.labels, REV)) continue;
      ctx.report({
        resource: n,
        path: ["metadata", "name"],
        subject: "injected by default",
        message: `Namespace "${n.name}" has no injection label, but ConfigMap ${cm.namespace}/${cm.name} sets enableNamespacesByDefault, so its pods are injected anyway. Label it "istio-injection: enabled" or "disabled" to make the intent explicit.`
      });
    }
  }
});
function podsWithoutProxy(mesh) {
  const enabled = new Set(candidateNamespaces(mesh).filter((n) => n.labels[INJECTION] === "enabled").map((n) => n.name));
  return mesh.byKind("Pod").filter((p) => {
    if (!p.namespace || !enabled.has(p.namespace)) return false;
    const inject = p.labels["sidecar.istio.io/inject"] ?? p.annotations["sidecar.istio.io/inject"] ?? "";
    if (inject.toLowerCase() === "false") return false;
    if (p.spec.hostNetwork === true || p.annotations["ambient.istio.io/redirection"] === "enabled") return false;
    return !asArray(p.spec.containers).some((c) => isObject(c) && c.name === "istio-proxy" && typeof c.image === "string" && c.image !== "");
  });
}
function isSnapshot(p) {
  const meta = asObject(p.obj.metadata);
  return isObject(p.obj.status) || typeof meta.uid === "string" || meta.creationTimestamp !== void 0;
}
var podMissingProxy = defineRule({
  id: "pod-missing-proxy",
  severity: "warning",
  istioCode: "IST0103",
  group: "analyzers/workload",
  fixable: false,
  title: "A running Pod (a snapshot with status/uid) in an injection-enabled namespace has no istio-proxy container.",
  check(ctx) {
    for (const p of podsWithoutProxy(ctx.mesh)) {
      if (!isSnapshot(p)) continue;
      ctx.report({
        resource: p,
        path: ["spec", "containers"],
        subject: "istio-proxy",
        message: `Pod "${p.name}" ran in namespace "${p.namespace}", which has injection enabled, without an istio-proxy container: it was created before injection was on or while the webhook was unavailable, so its traffic bypasses the mesh. Re-create it (or restart its owner) to inject the sidecar.`
      });
    }
  }
});
var podRelyingOnInjection = defineRule({
  id: "pod-without-proxy-in-injected-namespace",
  severity: "info",
  istioCode: "IST0103",
  group: "analyzers/workload",
  fixable: false,
  title: "A bare Pod manifest in an injection-enabled namespace: it joins the mesh only if injection runs when it is created.",
  check(ctx) {
    for (const p of podsWithoutProxy(ctx.mesh)) {
      if (isSnapshot(p)) continue;
      ctx.report({
        resource: p,
        path: ["spec", "containers"],
        subject: "istio-proxy",
        message: `Pod "${p.name}" in namespace "${p.namespace}" gets its sidecar only from the injection webhook at creation time; a bare Pod is never re-created, so if the webhook is unavailable then it stays outside the mesh for good. Prefer a Deployment, or opt out explicitly with the label sidecar.istio.io/inject: "false".`
      });
    }
  }
});
function istioWebhooks(mesh) {
  const out = [];
  for (const mwc of mesh.byKind("MutatingWebhookConfiguration")) {
    for (const wh of asArray(mwc.obj.webhooks)) {
      if (!isObject(wh) || !(asString(wh.name) ?? "").endsWith("istio.io")) continue;
      out.push({ namespaceSelector: wh.namespaceSelector, objectSelector: wh.objectSelector });
    }
  }
  return out;
}
function wouldBeInjected(mesh, hooks, namespace, podLabels) {
  const nsDefined = namespaceLabels2(mesh, namespace);
  const nsLabels = { ...nsDefined ?? {}, "kubernetes.io/metadata.name": namespace };
  if (hooks.length > 0) {
    return hooks.some((h) => labelSelectorMatches(h.namespaceSelector, nsLabels) && labelSelectorMatches(h.objectSelector, podLabels));
  }
  if (!nsDefined) return null;
  return nsLabels[INJECTION] === "enabled" || nsLabels[INJECTION] !== "disabled" && (has(nsLabels, REV) || podLabels["sidecar.istio.io/inject"] === "true" || has(podLabels, REV));
}
var imageAutoInPod = defineRule({
  id: "pod-image-auto-not-injected",
  severity: "error",
  istioCode: "IST0147",
  group: "analyzers/workload",
  fixable: false,
  title: "A Pod has `image: auto` on its istio-proxy container and will not be (or was not) injected: it cannot start.",
  check(ctx) {
    const hooks = istioWebhooks(ctx.mesh);
    for (const p of ctx.mesh.byKind("Pod")) {
      if (isIgnoredNamespace(p.namespace) || !p.namespace) continue;
      const w = workloadOf(p);
      if (!w) continue;
      const auto = containersOf(w).find((c) => !c.init && c.container.name === "istio-proxy" && c.container.image === "auto");
      if (!auto) continue;
      const snapshot = isSnapshot(p);
      if (!snapshot && wouldBeInjected(ctx.mesh, hooks, p.namespace, p.labels) !== false) continue;
      ctx.report({
        resource: p,
        path: [...auto.path, "image"],
        subject: "istio-proxy image auto",
        message: snapshot ? `Pod "${p.name}" still has "image: auto" on istio-proxy: injection did not run for it, so it fails with ErrImagePull. Re-create it in an injected namespace.` : `Pod "${p.name}" has "image: auto" on istio-proxy, but no Istio injection webhook selects it in namespace "${p.namespace}": the placeholder is never replaced and the pod fails with ErrImagePull. Label the namespace "istio-injection: enabled" or the pod "sidecar.istio.io/inject: "true"".`
      });
    }
  }
});
var imageAutoNotInjected = defineRule({
  id: "workload-image-auto-not-injected",
  severity: "warning",
  istioCode: "IST0146",
  group: "analyzers/workload",
  fixable: false,
  title: "A workload template uses `image: auto` for istio-proxy, but no injection webhook selects its pods.",
  check(ctx) {
    const hooks = istioWebhooks(ctx.mesh);
    for (const w of repoWorkloads(ctx.mesh.workloads)) {
      if (w.kind === "Pod" || w.kind === "WorkloadEntry") continue;
      const auto = containersOf(w).find((c) => !c.init && c.container.name === "istio-proxy" && c.container.image === "auto");
      if (!auto) continue;
      if (wouldBeInjected(ctx.mesh, hooks, w.namespace, w.labels) !== false) continue;
      ctx.report({
        resource: w.resource,
        path: [...auto.path, "image"],
        subject: "istio-proxy image auto",
        message: `${w.kind} "${w.name}" uses "image: auto" for istio-proxy, but no Istio injection webhook selects its pods in namespace "${w.namespace}": the placeholder is never replaced and the pods fail with ErrImagePull. Label the namespace "istio-injection: enabled" (or the pod template "sidecar.istio.io/inject: "true"").`
      });
    }
  }
});
var injectionRules = [multipleInjectionLabels, namespaceNotInjected, namespaceInjectedByDefault, podMissingProxy, podRelyingOnInjection, imageAutoInPod, imageAutoNotInjected];

// src/rules/analyzers/workload/service-ports.ts
var PROTOCOLS = /* @__PURE__ */ new Set(["tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql"]);
var GATEWAY_MANAGED = /* @__PURE__ */ new Set(["istio.io-gateway-controller", "istio.io-mesh-controller", "istio.io-eastwest-controller"]);
var K8S_APP_PROTOCOLS = /* @__PURE__ */ new Set(["kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"]);
var WELL_KNOWN_PORTS = /* @__PURE__ */ new Set([25, 53, 3306, 27017]);
function knownProtocol(p) {
  return PROTOCOLS.has(p.toLowerCase()) || K8S_APP_PROTOCOLS.has(p);
}
function protocolDerivable(port) {
  if ((asString(port.protocol) ?? "") === "UDP") return true;
  const app = port.appProtocol;
  const name = typeof app === "string" ? app : asString(port.name) ?? "";
  if (K8S_APP_PROTOCOLS.has(name) || name.toLowerCase().startsWith("grpc-web")) return true;
  const dash = name.indexOf("-");
  if (knownProtocol(dash === -1 ? name : name.slice(0, dash))) return true;
  return typeof port.port === "number" && WELL_KNOWN_PORTS.has(port.port);
}
var HTTP_PORTS = /* @__PURE__ */ new Set([80, 3e3, 5e3, 8e3, 8008, 8080, 8081, 8888, 9090]);
var HTTPS_PORTS = /* @__PURE__ */ new Set([443, 8443]);
var TCP_PORTS = /* @__PURE__ */ new Set([2181, 5432, 5672, 6379, 9042, 9092, 11211]);
function guessProtocol(port) {
  const name = (asString(port.name) ?? "").toLowerCase();
  if (name !== "") {
    if (name.includes("grpc")) return { protocol: "grpc", from: "its name" };
    if (name.includes("https")) return { protocol: "https", from: "its name" };
    if (name.includes("http2") || name.includes("h2c")) return { protocol: "http2", from: "its name" };
    if (/http|web|metrics|rest/.test(name)) return { protocol: "http", from: "its name" };
    if (/postgres|kafka|amqp|redis|memcache|zookeeper|cassandra/.test(name)) return { protocol: "tcp", from: "its name" };
  }
  const n = typeof port.port === "number" ? port.port : null;
  if (n === null) return null;
  if (HTTP_PORTS.has(n)) return { protocol: "http", from: `port ${n}` };
  if (HTTPS_PORTS.has(n)) return { protocol: "https", from: `port ${n}` };
  if (TCP_PORTS.has(n)) return { protocol: "tcp", from: `port ${n}` };
  return null;
}
function servicesToCheck(resources) {
  return resources.filter((s) => !isIgnoredNamespace(s.namespace) && !isControlPlane(s.labels) && !GATEWAY_MANAGED.has(s.labels["gateway.istio.io/managed"] ?? ""));
}
function appProtocolFix(port, i, protocol) {
  if (port.appProtocol !== void 0) return { op: "set", path: ["spec", "ports", i, "appProtocol"], value: protocol, description: `appProtocol: ${protocol}` };
  return { op: "insert", path: ["spec", "ports", i], key: "appProtocol", value: protocol, description: `appProtocol: ${protocol}` };
}
var portLabel = (p) => asString(p.name) ? `"${asString(p.name)}" (${String(p.port)})` : String(p.port);
var portNameConvention = defineRule({
  id: "service-port-protocol-unknown",
  severity: "info",
  istioCode: "IST0118",
  group: "analyzers/workload",
  fixable: true,
  title: "A Service port whose protocol Istio cannot tell (no protocol name prefix, no appProtocol): left to protocol sniffing.",
  check(ctx) {
    for (const s of servicesToCheck(ctx.mesh.byKind("Service"))) {
      if (s.spec.type === "ExternalName") continue;
      asArray(s.spec.ports).forEach((p, i) => {
        if (!isObject(p) || protocolDerivable(p)) return;
        const guess = guessProtocol(p);
        ctx.report({
          resource: s,
          path: ["spec", "ports", i, "port"],
          subject: `port ${String(p.port)}`,
          message: `Istio cannot tell the protocol of port ${portLabel(p)}: it has no appProtocol and its name does not start with a protocol (http-, grpc-, tcp-, \u2026), so the sidecar falls back to protocol sniffing \u2014 server-first protocols (databases, SMTP) stall until the detection timeout, and HTTP features apply only when sniffing happens to detect HTTP.` + (guess ? ` Set appProtocol (${guess.protocol}, guessed from ${guess.from}; check it).` : " Set appProtocol to the protocol it speaks."),
          fix: guess ? appProtocolFix(p, i, guess.protocol) : null
        });
      });
    }
  }
});
var externalNamePortName = defineRule({
  id: "externalname-service-port-protocol",
  severity: "warning",
  istioCode: "IST0150",
  group: "analyzers/workload",
  fixable: true,
  title: 'An ExternalName Service port without a derivable protocol (or named plain "tcp"): Istio cannot route it by host.',
  check(ctx) {
    for (const s of servicesToCheck(ctx.mesh.byKind("Service"))) {
      if (s.spec.type !== "ExternalName") continue;
      asArray(s.spec.ports).forEach((p, i) => {
        if (!isObject(p)) return;
        const namedTcp = p.name === "tcp";
        if (!namedTcp && protocolDerivable(p)) return;
        const guess = namedTcp ? null : guessProtocol(p);
        const useful = guess && guess.protocol !== "tcp" ? guess : null;
        ctx.report({
          resource: s,
          path: ["spec", "ports", i, "port"],
          subject: `port ${String(p.port)}`,
          message: `ExternalName Service "${s.name}" port ${portLabel(p)} is treated as plain TCP: TCP traffic cannot be told apart by host, so every TCP service on port ${String(p.port)} may be sent to "${asString(s.spec.externalName) ?? ""}". Name the port with its protocol or set appProtocol (http, https, tls, grpc).` + (useful ? ` ${useful.protocol} is likely (from ${useful.from}).` : ""),
          fix: useful ? appProtocolFix(p, i, useful.protocol) : null
        });
      });
    }
  }
});
var servicePortRules = [portNameConvention, externalNamePortName];

// src/suppression.ts
var ISTIO_SUPPRESS_ANNOTATION = "galley.istio.io/analyze-suppress";
var IGNORE_ANNOTATION = "istio-review.dev/ignore";
var cache = /* @__PURE__ */ new WeakMap();
function suppressionOf(r) {
  let s = cache.get(r);
  if (!s) cache.set(r, s = parse(r));
  return s;
}
function parse(r) {
  const codes = new Set((r.annotations[ISTIO_SUPPRESS_ANNOTATION] ?? "").split(",").map((c) => c.trim()).filter(Boolean));
  const ignore = r.annotations[IGNORE_ANNOTATION];
  const rules = /* @__PURE__ */ new Set();
  let reason = null;
  if (ignore !== void 0) {
    const colon = ignore.indexOf(":");
    const list = colon === -1 ? ignore : ignore.slice(0, colon);
    reason = colon === -1 ? null : ignore.slice(colon + 1).trim() || null;
    for (const id of list.split(",").map((x) => x.trim()).filter(Boolean)) rules.add(id);
  }
  return {
    reason,
    suppresses: (rule, istioCode) => rules.has("*") || rules.has(rule) || codes.has("*") || istioCode !== null && codes.has(istioCode)
  };
}

// src/rules/analyzers/workload/suppression.ts
var suppressionWithoutReason = defineRule({
  id: "suppression-without-reason",
  severity: "info",
  istioCode: null,
  group: "analyzers/workload",
  fixable: false,
  title: 'An istio-review.dev/ignore annotation gives no reason ("rule-id: why").',
  check(ctx) {
    for (const r of ctx.mesh.resources) {
      const value = r.annotations[IGNORE_ANNOTATION];
      if (value === void 0 || suppressionOf(r).reason !== null) continue;
      ctx.report({
        resource: r,
        path: ["metadata", "annotations", IGNORE_ANNOTATION],
        subject: value,
        message: `"${IGNORE_ANNOTATION}: ${value}" says what to ignore but not why: write "${value.split(":")[0].trim() || "rule-id"}: <reason>" so reviewers can tell whether the suppression still applies.`
      });
    }
  }
});
var suppressionRules = [suppressionWithoutReason];

// src/rules/analyzers/workload/telemetry.ts
function telemetries(mesh) {
  return byNamespaceAndName(mesh.byKind("Telemetry").filter((t) => !isIgnoredNamespace(t.namespace)));
}
function selectorOf2(t) {
  const labels = asStringMap(asObject(t.spec.selector).matchLabels);
  return Object.keys(labels).length > 0 ? labels : null;
}
var hasTargetRef = (t) => isObject(t.spec.targetRef) || asArray(t.spec.targetRefs).length > 0;
var telemetryNoProvider = defineRule({
  id: "telemetry-access-log-without-provider",
  severity: "warning",
  istioCode: "IST0157",
  group: "analyzers/workload",
  fixable: false,
  title: "A Telemetry enables access logging without a provider while the mesh has no default access-log provider.",
  check(ctx) {
    const defaults = asArray(asObject(ctx.mesh.settings.meshConfig.defaultProviders).accessLogging);
    if (defaults.length > 0) return;
    for (const t of telemetries(ctx.mesh)) {
      const i = asArray(t.spec.accessLogging).findIndex((entry) => {
        const e = asObject(entry);
        return e.disabled !== true && asArray(e.providers).length === 0;
      });
      if (i === -1) continue;
      ctx.report({
        resource: t,
        path: ["spec", "accessLogging", i],
        subject: "accessLogging without provider",
        message: `This accessLogging entry names no provider and the mesh config has no defaultProviders.accessLogging, so no access log is written. Add "providers: [{name: envoy}]" (or another configured provider).`
      });
    }
  }
});
function selectorFindings(mesh) {
  const out = [];
  for (const t of telemetries(mesh)) {
    const sel = selectorOf2(t);
    if (!sel || hasTargetRef(t)) continue;
    if (mesh.workloadsMatching(sel, t.namespace).length > 0) continue;
    out.push({ t, inRepoNamespace: mesh.workloadsIn(t.namespace).length > 0 });
  }
  return out;
}
var describeSelector2 = (t) => Object.entries(selectorOf2(t) ?? {}).map(([k, v]) => `${k}=${v}`).join(",");
var telemetrySelectorNoMatch = defineRule({
  id: "telemetry-selector-no-match",
  severity: "warning",
  istioCode: "IST0101",
  group: "analyzers/workload",
  fixable: false,
  title: "A Telemetry selector matches no workload of its namespace, although the repository defines that namespace's workloads.",
  check(ctx) {
    for (const { t, inRepoNamespace } of selectorFindings(ctx.mesh)) {
      if (!inRepoNamespace) continue;
      ctx.report({
        resource: t,
        path: ["spec", "selector", "matchLabels"],
        subject: describeSelector2(t),
        message: `The selector "${describeSelector2(t)}" matches no workload in namespace "${t.namespace}" (a Telemetry selects only in its own namespace), so this Telemetry applies to nothing. Fix the labels, or move it to the workloads' namespace.`
      });
    }
  }
});
var telemetrySelectorNotInRepo = defineRule({
  id: "telemetry-selector-not-in-repository",
  severity: "info",
  istioCode: "IST0101",
  group: "analyzers/workload",
  fixable: false,
  title: "A Telemetry selects workloads of a namespace the repository has no workloads for (deployed elsewhere?).",
  check(ctx) {
    const external = new Set(ctx.mesh.config.external.namespaces);
    for (const { t, inRepoNamespace } of selectorFindings(ctx.mesh)) {
      if (inRepoNamespace || external.has(t.namespace)) continue;
      ctx.report({
        resource: t,
        path: ["spec", "selector", "matchLabels"],
        subject: describeSelector2(t),
        message: `No workload matching "${describeSelector2(t)}" in namespace "${t.namespace}" is defined in this repository. If it is deployed elsewhere, declare it under external.workloads in .istio-review.yaml; otherwise this Telemetry applies to nothing.`
      });
    }
  }
});
var telemetrySelectorConflict = defineRule({
  id: "telemetry-selector-conflict",
  severity: "error",
  istioCode: "IST0159",
  group: "analyzers/workload",
  fixable: false,
  title: "A workload is selected by more than one Telemetry: which one applies is undefined.",
  check(ctx) {
    const byWorkload = /* @__PURE__ */ new Map();
    for (const t of telemetries(ctx.mesh)) {
      const sel = selectorOf2(t);
      if (!sel || hasTargetRef(t)) continue;
      for (const w of ctx.mesh.workloadsMatching(sel, t.namespace)) (byWorkload.get(w) ?? byWorkload.set(w, []).get(w)).push(t);
    }
    for (const [w, ts] of byWorkload) {
      if (ts.length < 2) continue;
      for (const t of ts) {
        const others = ts.filter((o) => o !== t).map((o) => o.name).join(", ");
        ctx.report({
          resource: t,
          path: ["spec", "selector", "matchLabels"],
          subject: `conflict ${w.kind}/${w.name}`,
          message: `${w.kind} "${w.name}" is also selected by Telemetry ${others}: Istio applies only one selector-based Telemetry per workload and which one is not defined, so settings come and go between restarts. Merge them or make the selectors disjoint.`
        });
      }
    }
  }
});
var telemetryMultipleDefaults = defineRule({
  id: "telemetry-multiple-without-selector",
  severity: "error",
  istioCode: "IST0160",
  group: "analyzers/workload",
  fixable: false,
  title: "A namespace has more than one Telemetry without a selector: which one applies is undefined.",
  check(ctx) {
    const byNs = /* @__PURE__ */ new Map();
    for (const t of telemetries(ctx.mesh)) {
      if (t.spec.selector !== void 0 && t.spec.selector !== null || hasTargetRef(t)) continue;
      (byNs.get(t.namespace) ?? byNs.set(t.namespace, []).get(t.namespace)).push(t);
    }
    for (const [ns, ts] of byNs) {
      if (ts.length < 2) continue;
      for (const t of ts) {
        ctx.report({
          resource: t,
          path: ["metadata", "name"],
          subject: `namespace-wide ${ns}`,
          message: `Namespace "${ns}" has several Telemetries without a selector (${ts.map((o) => o.name).join(", ")}): only one namespace-wide Telemetry is used and which one is not defined. Merge them into one.`
        });
      }
    }
  }
});
var telemetryLightstep = defineRule({
  id: "telemetry-lightstep-deprecated",
  severity: "warning",
  istioCode: "IST0002",
  group: "analyzers/workload",
  fixable: false,
  title: "A Telemetry traces to a Lightstep provider, which Istio deprecated in favour of OpenTelemetry.",
  check(ctx) {
    const lightstep = /* @__PURE__ */ new Set();
    for (const p of asArray(ctx.mesh.settings.meshConfig.extensionProviders)) {
      if (isObject(p) && isObject(p.lightstep) && typeof p.name === "string") lightstep.add(p.name);
    }
    if (lightstep.size === 0) return;
    for (const t of telemetries(ctx.mesh)) {
      asArray(t.spec.tracing).forEach((tr, i) => {
        asArray(asObject(tr).providers).forEach((p, j) => {
          const name = asString(asObject(p).name);
          if (!name || !lightstep.has(name)) return;
          ctx.report({
            resource: t,
            path: ["spec", "tracing", i, "providers", j, "name"],
            subject: name,
            message: `Tracing provider "${name}" is a Lightstep extension provider, which Istio has deprecated and will remove; traces stop when it goes. Switch the provider to OpenTelemetry (extensionProviders[].opentelemetry) pointing at Lightstep's OTLP endpoint.`
          });
        });
      });
    }
  }
});
var telemetryRules = [telemetryNoProvider, telemetrySelectorNoMatch, telemetrySelectorNotInRepo, telemetrySelectorConflict, telemetryMultipleDefaults, telemetryLightstep];

// src/rules/analyzers/workload/index.ts
var workloadAnalyzerRules = [
  ...annotationRules,
  ...controlPlaneRules,
  ...deploymentRules,
  ...deprecationRules,
  ...envoyFilterRules,
  ...injectionRules,
  ...servicePortRules,
  ...telemetryRules,
  ...suppressionRules
];

// src/rules/analyzers/index.ts
var analyzerRules = [...trafficAnalyzerRules, ...workloadAnalyzerRules];

// src/manifests/patch-files.ts
function looksLikePatch(r) {
  return /(^|[/\\._-])patch(es)?([/\\._-]|$)/i.test(r.file.path);
}

// src/rules/validation/istio/common.ts
var Issues = class {
  list = [];
  error(path5, message, hint, fix, subject) {
    this.list.push({ level: "error", path: path5, message, hint, fix, subject: subject ?? message });
  }
  warn(path5, message, hint, fix, subject) {
    this.list.push({ level: "warning", path: path5, message, hint, fix, subject: subject ?? message });
  }
  /** An error about a top-level part that is missing; not reported for kustomize patch files. */
  errorWhole(path5, message, hint) {
    this.list.push({ level: "error", path: path5, message, hint, subject: message, wholeObject: true });
  }
  add(issue) {
    this.list.push(issue);
  }
};
var cache2 = /* @__PURE__ */ new WeakMap();
function issuesOf(r, validate) {
  let list = cache2.get(r);
  if (!list) {
    const out = new Issues();
    if (r.kind !== "AuthorizationPolicy" && r.annotations["istio.io/dry-run"] !== void 0) {
      out.error(["metadata", "annotations", "istio.io/dry-run"], `the annotation istio.io/dry-run is only supported on AuthorizationPolicy, not on ${r.kind}`, "Remove the annotation.");
    }
    validate(r, out);
    list = out.list;
    cache2.set(r, list);
  }
  return list;
}
var CONSEQUENCE = {
  error: `Istio rejects it: kubectl apply fails with 'admission webhook "validation.istio.io" denied the request'.`,
  warning: "Istio accepts it with a warning that kubectl apply prints and most pipelines never show.",
  unreachable: "The route can never be selected: an earlier route takes all of its traffic.",
  ineffective: "The match can never be selected: an earlier match takes all of its requests."
};
var CODES = {
  error: { code: "IST0106", severity: "error" },
  warning: { code: "IST0133", severity: "warning" },
  unreachable: { code: "IST0130", severity: "warning" },
  ineffective: { code: "IST0131", severity: "info" }
};
function kindRules(kind, group6, validate, specs) {
  return specs.map((s) => defineRule({
    id: s.id,
    severity: CODES[s.level].severity,
    istioCode: CODES[s.level].code,
    group: group6,
    fixable: s.fixable,
    title: s.title,
    check(ctx) {
      for (const r of ctx.mesh.byKind(kind)) {
        const patch = looksLikePatch(r);
        for (const i of issuesOf(r, validate)) {
          if (i.level !== s.level || patch && i.wholeObject) continue;
          const text = `${sentence(i.message)}. ${CONSEQUENCE[i.level]}${i.hint ? ` ${i.hint}` : ""}`;
          ctx.report({ resource: r, path: i.path, message: text, subject: i.subject, fix: i.fix ?? null });
        }
      }
    }
  }));
}
function sentence(m) {
  const first = /^[^\s]+/.exec(m)?.[0] ?? "";
  return /^[a-z]+$/.test(first) ? m[0].toUpperCase() + m.slice(1) : m;
}
var str = (v) => typeof v === "string" ? v : void 0;
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
var obj = (v) => isObject(v) ? v : void 0;
var arr = (v) => Array.isArray(v) ? v : void 0;
var hasItems = (v) => Array.isArray(v) && v.length > 0;
var isSet = (v) => isObject(v);
var nonZero = (v) => v !== void 0 && v !== null && v !== "" && v !== 0 && v !== false;
function wrapped(v) {
  return isObject(v) && "value" in v ? v.value : v;
}
var q = (s) => JSON.stringify(s);
var LABEL2 = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
var WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
function isDnsLabel(s) {
  return s.length > 0 && s.length <= 63 && LABEL2.test(s);
}
function isK8sLabel(s) {
  return s.length > 0 && s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}
function dnsLabelsError(domain) {
  const parts = domain.split(".");
  const top = parts[parts.length - 1];
  if (/^[0-9]+$/.test(top)) return `domain name ${q(domain)} is invalid: the top-level label ${q(top)} cannot be all digits`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === "") return null;
    if (!isDnsLabel(parts[i])) return `domain name ${q(domain)} is invalid: label ${q(parts[i])} is not a DNS-1123 label`;
  }
  return null;
}
function fqdnError(name) {
  if (name.length === 0) return "the host name is empty";
  if (name.length > 255) return `domain name ${q(name)} is longer than 255 characters`;
  return dnsLabelsError(name);
}
function wildcardDomainError(name) {
  if (name.length === 0) return "the host name is empty";
  if (name.length > 255) return `domain name ${q(name)} is longer than 255 characters`;
  const dot = name.indexOf(".");
  const first = dot < 0 ? name : name.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) return `domain name ${q(name)} is invalid: label ${q(first)} is not a DNS-1123 label (a wildcard may only be the first label)`;
  return dot < 0 ? null : dnsLabelsError(name.slice(dot + 1));
}
function isPartialWildcard(host) {
  return host.includes("*") && host.length !== 1 && !host.startsWith("*.");
}
var IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
function isIPv4(s) {
  return IPV4.test(s);
}
function isIPv6(s) {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(":")) return false;
  let body = s;
  let groupsNeeded = 8;
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    body = s.slice(0, lastColon + 1) + "0";
    groupsNeeded = 7;
  }
  const dbl = body.split("::");
  if (dbl.length > 2) return false;
  const groups = (p) => p === "" ? [] : p.split(":");
  const head = groups(dbl[0]);
  const tail = dbl.length === 2 ? groups(dbl[1]) : [];
  if ([...head, ...tail].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = head.length + tail.length;
  return dbl.length === 2 ? count < groupsNeeded : count === groupsNeeded;
}
function isIP4(s) {
  return isIPv4(s) || isIPv6(s);
}
function isIPOrCidr(s) {
  const parts = s.split("/");
  if (parts.length === 1) return isIP4(s);
  if (parts.length !== 2 || !/^[0-9]{1,3}$/.test(parts[1])) return false;
  const bits = Number(parts[1]);
  if (isIPv4(parts[0])) return bits <= 32;
  return isIPv6(parts[0]) && bits <= 128;
}
var UNIT_NS = { ns: 1, us: 1e3, "\xB5s": 1e3, "\u03BCs": 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 36e11 };
function parseDuration(s) {
  const t = s.trim();
  if (t === "0") return 0;
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y;
  let i = 0;
  let neg = false;
  if (t.startsWith("-")) {
    neg = true;
    i = 1;
  } else if (t.startsWith("+")) i = 1;
  let total = 0;
  let any = false;
  while (i < t.length) {
    re.lastIndex = i;
    const m = re.exec(t);
    if (!m) return null;
    total += Number(m[1]) * UNIT_NS[m[2]];
    i = re.lastIndex;
    any = true;
  }
  return any ? neg ? -total : total : null;
}
function checkDuration(out, path5, v, field) {
  if (v === void 0 || v === null) return;
  if (typeof v !== "string") return;
  const ns = parseDuration(v);
  if (ns === null) {
    out.error(path5, `${field} ${q(v)} is not a duration`, 'Write it with a unit, such as "5s", "250ms" or "1m".');
    return;
  }
  if (ns === 0) out.error(path5, `${field} ${q(v)} is zero, and Istio accepts no duration below 1ms`, "Remove the field to get the default (a route timeout is then disabled), or use a positive duration.");
  else if (ns < 1e6) out.error(path5, `${field} ${q(v)} is shorter than 1ms`, "Durations must be at least 1ms.");
  else if (Math.round(ns) % 1e6 !== 0) out.error(path5, `${field} ${q(v)} is finer than a millisecond`, "Round it to whole milliseconds.");
}
var QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function labelKeyError(key) {
  const slash = key.split("/");
  if (slash.length > 2) return `label key ${q(key)} has more than one "/"`;
  const name = slash[slash.length - 1];
  if (slash.length === 2) {
    const prefix = slash[0];
    if (prefix.length === 0 || prefix.length > 253 || !prefix.split(".").every((p) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p))) return `label key ${q(key)} has an invalid prefix (it must be a DNS subdomain)`;
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) return `label key ${q(key)} is invalid (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`;
  return null;
}
function labelValueError(key, value) {
  if (value.length > 63 || !LABEL_VALUE.test(value)) return `label value ${q(value)} of ${q(key)} is invalid (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`;
  return null;
}
function checkLabels(out, path5, v) {
  const m = obj(v);
  if (!m) return;
  for (const [k, val] of Object.entries(m)) {
    const ke = labelKeyError(k);
    if (ke) out.error([...path5, k], ke);
    if (typeof val === "string") {
      const ve = labelValueError(k, val);
      if (ve) out.error([...path5, k], ve);
    }
  }
}
function checkWorkloadSelector(out, path5, v, labelErrors = true) {
  const labelsKey = "matchLabels";
  const sel = obj(v);
  if (!sel) return;
  const labels = obj(sel[labelsKey]);
  const entries = labels ? Object.entries(labels) : [];
  for (const [k, val] of labelErrors ? entries : []) {
    const p = [...path5, labelsKey, k];
    if (k === "") out.error(p, "a selector label has an empty key");
    if (k.includes("*") || typeof val === "string" && val.includes("*")) {
      out.error(p, `selector label ${q(`${k}=${typeof val === "string" ? val : ""}`)} uses a wildcard, which selectors do not support`, "List the exact label values instead.");
    }
  }
  if (entries.length === 0 && (labels !== void 0 || sel[labelsKey] === void 0)) {
    out.warn(path5, `the selector has no ${labelsKey}, so it selects every workload in the namespace`, `Add ${labelsKey}, or remove the selector if namespace-wide is intended.`);
  }
}
function checkPolicyTargets(out, spec) {
  const refs = [[["spec", "targetRef"], spec.targetRef]];
  (arr(spec.targetRefs) ?? []).forEach((t, i) => refs.push([["spec", "targetRefs", i], t]));
  for (const [p, t] of refs) {
    const ref = obj(t);
    if (!ref) continue;
    const kind = str(ref.kind) ?? "";
    const group6 = str(ref.group) ?? "";
    const allowed = kind === "Service" && (group6 === "" || group6 === "core") || kind === "ServiceEntry" && group6 === "networking.istio.io" || kind === "Gateway" && group6 === "gateway.networking.k8s.io";
    if (!allowed && kind !== "") {
      out.error(p, `targetRef ${q(`${group6}/${kind}`)} is not a Service (core), ServiceEntry (networking.istio.io) or Gateway (gateway.networking.k8s.io)`);
    }
  }
}
function checkExportTo(out, path5, v, namespace, drWithSelector = false) {
  const list = arr(v);
  if (!list || list.length === 0) return;
  const seen = /* @__PURE__ */ new Set();
  list.forEach((e, i) => {
    if (typeof e !== "string") return;
    const key = e === "." ? namespace : e;
    if (seen.has(key)) {
      out.error([...path5, i], key !== e ? `exportTo lists both "." and the resource's own namespace ${q(namespace)}` : `exportTo lists ${q(e)} twice`, "Remove the repeated entry.");
      return;
    }
    if (key !== "*" && key !== "~" && !isK8sLabel(key)) {
      out.error([...path5, i], `exportTo entry ${q(e)} is not ".", "*", "~" or a namespace name`);
      return;
    }
    seen.add(key);
  });
  if (drWithSelector && seen.size > 0) {
    if (!seen.has(namespace)) out.error(path5, "a DestinationRule with a workloadSelector cannot be exported beyond its own namespace", 'Set exportTo: ["."] or remove exportTo.');
    else if (seen.size > 1) out.error(path5, "a DestinationRule with a workloadSelector can only be exported to its own namespace", 'Set exportTo: ["."].');
  }
  if (seen.has("*") && list.length > 1) out.error(path5, 'exportTo combines "*" with other entries', 'Use "*" alone: it already exports to every namespace.');
  if (seen.has("~") && list.length > 1) out.error(path5, 'exportTo combines "~" (no one) with other entries', 'Use "~" alone, or drop it.');
}
var PROTOCOLS2 = ["HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "HTTP_PROXY", "TCP", "TLS", "UDP", "MONGO", "REDIS", "MYSQL"];
function protocolKnown(p) {
  return PROTOCOLS2.includes(p.toUpperCase());
}
function isHttpProtocol(p) {
  return ["HTTP", "HTTP2", "GRPC", "GRPC-WEB", "HTTP_PROXY"].includes(p.toUpperCase());
}
function isTlsProtocol(p) {
  return ["HTTPS", "TLS"].includes(p.toUpperCase());
}
function portError(n) {
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? null : `port ${n} is not in the range 1..65535`;
}
function unixPathError(p) {
  if (p === "") return "the unix socket path is empty";
  if (p.startsWith("@")) return null;
  if (!p.startsWith("/") || p.endsWith("/")) return `${q(p)} is not an absolute path to a file`;
  return null;
}
var HEADER_NAME = /^[-_A-Za-z0-9]+$/;
function isJwtClaimRoute(name) {
  return /^@request\.auth\.claims(\.[^.\[\]]+)+$/.test(name) || /^@request\.auth\.claims(\[[^\[\]]+\])+$/.test(name);
}
function headerValueError(v) {
  if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(v)) return `header value ${q(v)} contains control characters`;
  let state = "literal";
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    switch (state) {
      case "literal":
        if (c !== "%") break;
        if (i + 1 >= v.length) return `header value ${q(v)} ends with a lone "%" (write "%%" for a literal percent sign)`;
        if (v[i + 1] === "%") {
          i++;
          break;
        }
        state = "name";
        break;
      case "name":
        if (c === "%") state = "literal";
        else if (c === "(") state = "arrayOrArg";
        break;
      case "arrayOrArg":
        if (c === "[") state = "string";
        else if (c !== " ") state = "quoted";
        break;
      case "string":
        if (c === '"') state = "quoted";
        else if (c !== " ") return `header value ${q(v)}: a %VARIABLE([...])% argument list must hold quoted strings`;
        break;
      case "quoted":
        if (c === "\\") {
          if (i + 1 >= v.length) return `header value ${q(v)} ends inside an escape`;
          i++;
        } else if (c === ")") state = "varEnd";
        else if (c === '"') state = "delimiter";
        break;
      case "delimiter":
        if (c === ",") state = "string";
        else if (c === "]") state = "argsEnd";
        else if (c !== " ") return `header value ${q(v)}: expected "," or "]" in a %VARIABLE([...])% argument list`;
        break;
      case "argsEnd":
        if (c === ")") state = "varEnd";
        else if (c !== " ") return `header value ${q(v)}: expected ")" after a %VARIABLE([...])% argument list`;
        break;
      case "varEnd":
        if (c === "%") state = "literal";
        else if (c !== " ") return `header value ${q(v)}: expected "%" to close a %VARIABLE(...)% expression`;
        break;
    }
  }
  if (state !== "literal") return `header value ${q(v)} has an unterminated %VARIABLE% expression (write "%%" for a literal percent sign)`;
  return null;
}
function regexError(re, where) {
  if (re === "") return `${where}: the regex is empty`;
  if (re.length > 1024) return `${where}: the regex is longer than 1024 characters`;
  if (/\(\?<?[=!]/.test(re)) return `${where}: regex ${q(re)} uses look-around, which RE2 (Envoy's regex engine) does not support`;
  if (/(^|[^\\])\\[1-9]/.test(re)) return `${where}: regex ${q(re)} uses a back-reference, which RE2 (Envoy's regex engine) does not support`;
  if (/\(\?P?<|\(\?[imsU-]+[):]|\\[AzCQEpP]|\[\[:/.test(re)) return null;
  try {
    new RegExp(re);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : "syntax error";
    return `${where}: regex ${q(re)} does not compile (${why})${/^\*|[^\\.)\]]\*\*/.test(re) ? '; it looks like a glob: in a regex "*" repeats the previous item (".*" matches anything)' : ""}`;
  }
  return null;
}
function stringMatch(v) {
  const m = obj(v);
  if (!m) return null;
  for (const kind of ["exact", "prefix", "regex"]) {
    if (typeof m[kind] === "string") return { kind, value: m[kind] };
  }
  return null;
}

// src/rules/validation/istio/virtual-service.ts
var RETRY_ON = [
  "5xx",
  "gateway-error",
  "reset",
  "reset-before-request",
  "connect-failure",
  "retriable-4xx",
  "refused-stream",
  "retriable-status-codes",
  "retriable-headers",
  "envoy-ratelimited",
  "http3-post-connect-failure",
  "cancelled",
  "deadline-exceeded",
  "internal",
  "resource-exhausted",
  "unavailable"
];
var HTTP_STATUS = /* @__PURE__ */ new Set([
  100,
  101,
  102,
  103,
  200,
  201,
  202,
  203,
  204,
  205,
  206,
  207,
  208,
  226,
  300,
  301,
  302,
  303,
  304,
  305,
  307,
  308,
  400,
  401,
  402,
  403,
  404,
  405,
  406,
  407,
  408,
  409,
  410,
  411,
  412,
  413,
  414,
  415,
  416,
  417,
  418,
  421,
  422,
  423,
  424,
  425,
  426,
  428,
  429,
  431,
  451,
  500,
  501,
  502,
  503,
  504,
  505,
  506,
  507,
  508,
  510,
  511
]);
var METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"];
var GRPC_STATUS = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED"
];
var isAuthority = (h) => h.toLowerCase() === ":authority" || h.toLowerCase() === "host";
var isInternal = (h) => h.startsWith(":") || h.toLowerCase() === "host";
function validateVirtualService(r, out) {
  const spec = r.spec;
  const ns = r.namespace ?? "default";
  const hosts = (arr(spec.hosts) ?? []).filter((h) => typeof h === "string");
  const gateways = arr(spec.gateways) ?? [];
  const gwNames = gateways.filter((g) => typeof g === "string");
  const http = arr(spec.http) ?? [];
  const tcp = arr(spec.tcp) ?? [];
  const tls = arr(spec.tls) ?? [];
  const isDelegate = !hasItems(spec.hosts) && !(spec.hosts !== void 0 && !Array.isArray(spec.hosts));
  if (isDelegate) {
    if (gateways.length > 0) out.errorWhole(["spec", "gateways"], "a delegate VirtualService (one without hosts) cannot list gateways", "Bind the root VirtualService to the gateway and remove gateways here.");
    if (tls.length > 0) out.errorWhole(["spec", "tls"], "a delegate VirtualService (one without hosts) cannot have tls routes", "Only http routes can be delegated; add hosts if this is not meant to be a delegate.");
    if (tcp.length > 0) out.errorWhole(["spec", "tcp"], "a delegate VirtualService (one without hosts) cannot have tcp routes", "Only http routes can be delegated; add hosts if this is not meant to be a delegate.");
  }
  const appliesToGateway = gwNames.length > 0 && !gwNames.includes("mesh");
  const appliesToMesh2 = gwNames.length === 0 || !appliesToGateway;
  if (gateways.length > 0) checkGatewayNames(out, ["spec", "gateways"], gateways);
  if (!appliesToGateway) {
    http.forEach((route, i) => {
      (arr(obj(route)?.match) ?? []).forEach((m, j) => {
        for (const key of ["headers", "withoutHeaders"]) {
          for (const h of Object.keys(obj(obj(m)?.[key]) ?? {})) {
            if (isJwtClaimRoute(h)) out.errorWhole(["spec", "http", i, "match", j, key, h], `JWT claim routing (${q(h)}) only works on a gateway, and this VirtualService is not bound to one`, "Add the ingress gateway to gateways, or match on a header instead.");
          }
        }
      });
    });
  }
  const sniHostRoute = tls.some((t) => (arr(obj(t)?.match) ?? []).some((m) => hasItems(obj(m)?.sniHosts)));
  let allHostsValid = true;
  (arr(spec.hosts) ?? []).forEach((h, i) => {
    if (typeof h !== "string") return;
    const err = appliesToGateway ? gatewayBoundHostError(h, sniHostRoute) : wildcardDomainError(h);
    if (err) {
      if (!isIP4(h)) {
        out.error(["spec", "hosts", i], err);
        allHostsValid = false;
      }
    } else if (appliesToMesh2 && h === "*") {
      out.errorWhole(["spec", "hosts", i], 'the wildcard host "*" is not allowed for a VirtualService that applies to sidecars (the mesh gateway)', "List the hosts it routes, or bind it to a gateway.");
      allHostsValid = false;
    }
  });
  if (allHostsValid) {
    for (let i = 0; i < hosts.length; i++) {
      for (let j = i + 1; j < hosts.length; j++) {
        if (hostMatches(hosts[i], hosts[j]) || hostMatches(hosts[j], hosts[i])) {
          out.error(["spec", "hosts", (arr(spec.hosts) ?? []).indexOf(hosts[j], i + 1)], `hosts ${q(hosts[i])} and ${q(hosts[j])} overlap`, "A VirtualService may list each host once; remove the narrower one.", null, `duplicate-host:${hosts[i]}:${hosts[j]}`);
        }
      }
    }
  }
  if (http.length === 0 && tcp.length === 0 && tls.length === 0) {
    out.errorWhole(["spec"], "the VirtualService has no http, tcp or tls routes", "Add the routes it should apply.");
  }
  http.forEach((route, i) => {
    if (route === null) {
      out.error(["spec", "http", i], "an http route is null");
      return;
    }
    if (isObject(route)) validateHttpRoute(out, ["spec", "http", i], route, isDelegate);
  });
  tls.forEach((route, i) => {
    if (isObject(route)) validateTlsRoute(out, ["spec", "tls", i], route, hosts, appliesToGateway);
  });
  tcp.forEach((route, i) => {
    if (!isObject(route)) return;
    const p = ["spec", "tcp", i];
    (arr(route.match) ?? []).forEach((m, j) => {
      if (m === null) out.error([...p, "match", j], "a tcp match is null");
      else if (isObject(m)) validateL4Match(out, [...p, "match", j], m);
    });
    if (noList(route.route)) out.error(p, "the tcp route has no destinations (route)", "Add a route with a destination.");
    validateRouteDestinations(out, [...p, "route"], route.route);
  });
  checkExportTo(out, ["spec", "exportTo"], spec.exportTo, ns);
  analyzeUnreachable(out, "http", http);
  analyzeUnreachable(out, "tcp", tcp);
  analyzeUnreachable(out, "tls", tls);
}
function noList(v) {
  return v === void 0 || v === null || Array.isArray(v) && v.length === 0;
}
function gatewayBoundHostError(h, sni) {
  const first = h.split(".", 1)[0];
  if (sni && first === "outbound_") {
    return /^outbound_\.[0-8]/.test(h) ? null : `domain name ${q(h)} is invalid`;
  }
  return wildcardDomainError(h);
}
function checkGatewayNames(out, path5, names) {
  for (let i = 0; i < names.length; i++) {
    const g = names[i];
    if (typeof g !== "string") continue;
    const p = [...path5, i];
    const slash = g.indexOf("/");
    if (slash < 0) {
      if (g.includes(".")) {
        const parts = g.split(".");
        const recommended = `${parts[1]}/${parts[0]}`;
        out.warn(
          p,
          `gateway ${q(g)} uses the legacy "name.namespace" form`,
          `Write it as ${q(recommended)}.`,
          parts.length === 2 && isK8sLabel(parts[0]) && isK8sLabel(parts[1]) ? { op: "set", path: p, value: recommended, description: `gateways: ${recommended}` } : null,
          `legacy-gateway:${g}`
        );
      }
      const e = fqdnError(g);
      if (e) out.error(p, `gateway reference ${q(g)} is invalid: ${e}`);
      return;
    }
    const gns = g.slice(0, slash);
    const name = g.slice(slash + 1);
    if (gns === "" || name === "") out.error(p, `gateway reference ${q(g)} has an empty namespace or name`, 'Write it as "<namespace>/<gateway name>".');
    if (!isDnsLabel(gns)) out.error(p, `gateway reference ${q(g)}: namespace ${q(gns)} is not a valid namespace name`);
    if (!isDnsLabel(name)) out.error(p, `gateway reference ${q(g)}: name ${q(name)} is not a valid gateway name`);
  }
}
function checkHeaderOps(out, path5, headers) {
  const h = obj(headers);
  if (!h) return;
  for (const side of ["request", "response"]) {
    const ops = obj(h[side]);
    if (!ops) continue;
    for (const op of ["add", "set"]) {
      for (const [name, val] of Object.entries(obj(ops[op]) ?? {})) {
        const p = [...path5, side, op, name];
        if (name === "") out.error(p, "a header name is empty");
        else if (side === "request" ? isInternal(name) && !isAuthority(name) : isInternal(name)) {
          out.error(p, side === "response" && name.toLowerCase() === "host" ? `response header ${q(name)} cannot be set` : `header ${q(name)} cannot be modified: names starting with ":" are reserved`, side === "request" ? "Use rewrite.authority to change the authority." : void 0);
        }
        if (typeof val === "string") {
          const e = headerValueError(val);
          if (e) out.error(p, e);
        }
      }
    }
    (arr(ops.remove) ?? []).forEach((name, j) => {
      if (typeof name !== "string") return;
      if (name === "") out.error([...path5, side, "remove", j], "a header name to remove is empty");
      else if (isInternal(name)) out.error([...path5, side, "remove", j], `header ${q(name)} cannot be removed`);
    });
  }
}
function validateHttpRoute(out, p, route, delegate) {
  const routeType = delegate ? "delegate" : isSet(route.delegate) ? "root" : "independent";
  const has3 = (k) => route[k] !== void 0 && route[k] !== null;
  const name = str(route.name);
  const label2 = name ? `http route ${q(name)}` : "the http route";
  if (routeType === "root") {
    if (has3("redirect")) out.error([...p, "redirect"], `${label2} delegates, so it may not also redirect`, "Move the redirect into the delegate VirtualService.");
    if (has3("route")) out.error([...p, "route"], `${label2} delegates, so it may not also have route destinations`, "Move the destinations into the delegate VirtualService.");
  } else {
    if (routeType === "delegate" && isSet(route.delegate)) out.error([...p, "delegate"], "a delegate VirtualService cannot delegate again", "Delegation is one level deep: route to destinations here.");
    const routeSet = !noList(route.route);
    if (has3("redirect")) {
      if (routeSet) out.error([...p, "redirect"], `${label2} has both route and redirect`, "Keep one: a redirect answers the client, a route forwards the request.");
      if (has3("fault")) out.error([...p, "fault"], `${label2} has both fault and redirect`);
      if (has3("rewrite")) out.error([...p, "rewrite"], `${label2} has both rewrite and redirect`, "Put the new path in redirect.uri instead.");
      if (has3("directResponse")) out.error([...p, "directResponse"], `${label2} has both directResponse and redirect`);
    } else if (has3("directResponse")) {
      if (routeSet) out.error([...p, "directResponse"], `${label2} has both route and directResponse`);
      if (has3("fault")) out.error([...p, "fault"], `${label2} has both fault and directResponse`);
      if (has3("rewrite")) out.error([...p, "rewrite"], `${label2} has both rewrite and directResponse`);
    } else if (!routeSet) {
      out.error(p, `${label2} has no route, redirect or directResponse`, "Add route destinations (or a redirect / directResponse).", null, `no-action:${name ?? ""}`);
    }
  }
  if (has3("mirror") && hasItems(route.mirrors)) out.error([...p, "mirrors"], `${label2} has both mirror and mirrors`, "Move the mirror into the mirrors list.");
  (arr(route.match) ?? []).forEach((m, j) => {
    if (isObject(m)) validateHttpMatch(out, [...p, "match", j], m);
  });
  checkHeaderOps(out, [...p, "headers"], route.headers);
  const cors = obj(route.corsPolicy);
  if (cors) {
    (arr(cors.allowOrigins) ?? []).forEach((o, j) => {
      if (!isObject(o)) return;
      const sm = stringMatch(o);
      if (!sm || sm.value === "") out.error([...p, "corsPolicy", "allowOrigins", j], "a CORS allowOrigins entry has no exact, prefix or regex value");
      else if (sm.kind === "regex") {
        const e = regexError(sm.value, "corsPolicy.allowOrigins");
        if (e) out.error([...p, "corsPolicy", "allowOrigins", j], e);
      }
    });
    (arr(cors.allowMethods) ?? []).forEach((m, j) => {
      if (typeof m !== "string" || METHODS.includes(m)) return;
      const upper = m.toUpperCase();
      const fix = METHODS.includes(upper) ? upper : null;
      out.error(
        [...p, "corsPolicy", "allowMethods", j],
        `CORS allowMethods entry ${q(m)} is not an HTTP method`,
        fix ? `Methods are upper case: ${q(fix)}.` : `Use one of ${METHODS.join(", ")}.`,
        fix ? { op: "set", path: [...p, "corsPolicy", "allowMethods", j], value: fix, description: `allowMethods: ${fix}` } : null,
        `cors-method:${m}`
      );
    });
    for (const key of ["allowHeaders", "exposeHeaders"]) {
      (arr(cors[key]) ?? []).forEach((h, j) => {
        if (typeof h !== "string") return;
        if (h === "") out.error([...p, "corsPolicy", key, j], `a CORS ${key} entry is empty`);
        else if (h !== "*" && !HEADER_NAME.test(h)) out.error([...p, "corsPolicy", key, j], `CORS ${key} entry ${q(h)} is not a valid header name`);
      });
    }
    if (typeof cors.maxAge === "string") {
      checkDuration(out, [...p, "corsPolicy", "maxAge"], cors.maxAge, "corsPolicy.maxAge");
      if (/\.\d|ms|us|µs|ns/.test(cors.maxAge)) out.error([...p, "corsPolicy", "maxAge"], `corsPolicy.maxAge ${q(cors.maxAge)} is finer than a second`, "Use whole seconds.");
    }
  }
  const fault = route.fault;
  if (isObject(fault)) {
    const fp = [...p, "fault"];
    if (!isSet(fault.abort) && !isSet(fault.delay)) out.error(fp, "the fault has neither abort nor delay", "Add an abort and/or a delay.");
    const abort = obj(fault.abort);
    if (abort) {
      checkPercentage(out, [...fp, "abort", "percentage"], abort.percentage);
      if (abort.grpcStatus !== void 0) {
        if (typeof abort.grpcStatus === "string" && !GRPC_STATUS.includes(abort.grpcStatus)) out.error([...fp, "abort", "grpcStatus"], `gRPC status ${q(abort.grpcStatus)} is not a gRPC status code name`, 'Use a name such as "UNAVAILABLE" or "NOT_FOUND".');
      } else if (abort.http2Error !== void 0) {
        out.error([...fp, "abort", "http2Error"], "HTTP/2 error aborts are not supported", "Use httpStatus or grpcStatus.");
      } else if (abort.httpStatus !== void 0) {
        const s = num(abort.httpStatus);
        if (s !== void 0 && (s < 200 || s > 600)) out.error([...fp, "abort", "httpStatus"], `abort httpStatus ${s} is not in 200..599`);
      } else {
        out.warn([...fp, "abort"], "the abort sets no error type, so nothing is aborted", "Set httpStatus (or grpcStatus).");
      }
    }
    const delay = obj(fault.delay);
    if (delay) {
      checkPercentage(out, [...fp, "delay", "percentage"], delay.percentage);
      if (delay.fixedDelay !== void 0) checkDuration(out, [...fp, "delay", "fixedDelay"], delay.fixedDelay, "fixedDelay");
      if (delay.exponentialDelay !== void 0) out.error([...fp, "delay", "exponentialDelay"], "exponentialDelay is not supported", "Use fixedDelay.");
    }
  }
  if (route.mirrorPercent !== void 0 && route.mirrorPercent !== null) {
    const v = num(wrapped(route.mirrorPercent));
    if (v !== void 0 && v > 100) out.error([...p, "mirrorPercent"], `mirrorPercent ${v} is above 100`);
    out.warn([...p, "mirrorPercent"], "mirrorPercent is deprecated", "Use mirrorPercentage: {value: <percent>}.");
  }
  const mp = num(wrapped(route.mirrorPercentage));
  if (mp !== void 0 && (mp > 100 || mp < 0)) out.error([...p, "mirrorPercentage"], `mirrorPercentage ${mp} is not in 0..100`);
  if (isObject(route.mirror)) validateDestination(out, [...p, "mirror"], route.mirror);
  (arr(route.mirrors) ?? []).forEach((m, j) => {
    const mpath = [...p, "mirrors", j];
    if (m === null) {
      out.error(mpath, "a mirrors entry is null");
      return;
    }
    if (!isObject(m)) return;
    if (isObject(m.destination)) validateDestination(out, [...mpath, "destination"], m.destination);
    const pct = num(wrapped(m.percentage));
    if (pct !== void 0 && (pct > 100 || pct < 0)) out.error([...mpath, "percentage"], `mirror percentage ${pct} is not in 0..100`);
  });
  const redirect = obj(route.redirect);
  if (redirect) {
    const rp = [...p, "redirect"];
    if (!nonZero(redirect.uri) && !nonZero(redirect.authority) && redirect.port === void 0 && redirect.derivePort === void 0 && !nonZero(redirect.scheme)) {
      out.error(rp, "the redirect changes nothing (no uri, authority, scheme or port)", "Say where to redirect: set uri, authority, scheme or port.");
    } else {
      const code = num(redirect.redirectCode);
      if (code !== void 0 && code !== 0 && (code < 300 || code > 399)) out.error([...rp, "redirectCode"], `redirectCode ${code} is not a 3xx status`);
      else if (typeof redirect.scheme === "string" && redirect.scheme !== "" && redirect.scheme !== "http" && redirect.scheme !== "https") {
        const lower = redirect.scheme.toLowerCase();
        out.error(
          [...rp, "scheme"],
          `redirect scheme ${q(redirect.scheme)} is not "http" or "https"`,
          void 0,
          lower === "http" || lower === "https" ? { op: "set", path: [...rp, "scheme"], value: lower, description: `scheme: ${lower}` } : null
        );
      } else {
        const port = num(redirect.port);
        if (port !== void 0 && port > 0 && portError(port)) out.error([...rp, "port"], `redirect ${portError(port)}`);
      }
    }
  }
  const dr = obj(route.directResponse);
  if (dr) {
    const status = num(dr.status);
    if (status !== void 0 && (status < 200 || status > 600)) out.error([...p, "directResponse", "status"], `directResponse status ${status} is not in 200..599`);
    const body = obj(dr.body);
    const text = body ? str(body.string) ?? str(body.bytes) : void 0;
    if (text !== void 0) {
      const size = typeof body.string === "string" ? Buffer.byteLength(text) : Math.floor(text.length * 3 / 4);
      if (size > 1024 * 1024) out.error([...p, "directResponse", "body"], "the directResponse body is larger than 1MB");
      else if (size > 100 * 1024) out.warn([...p, "directResponse", "body"], "the directResponse body is larger than 100KB, which burdens the control plane");
    }
  }
  const retries = obj(route.retries);
  if (retries) {
    const rp = [...p, "retries"];
    const attempts = num(retries.attempts) ?? 0;
    if (attempts < 0) out.error([...rp, "attempts"], `retries.attempts ${attempts} is negative`);
    if (attempts === 0 && (nonZero(retries.perTryTimeout) || nonZero(retries.retryOn) || retries.retryRemoteLocalities !== void 0)) {
      out.error(retries.attempts === void 0 ? rp : [...rp, "attempts"], "retries sets perTryTimeout, retryOn or retryRemoteLocalities but attempts is 0 (retries disabled)", "Set attempts (e.g. 3), or remove the retry settings.");
    }
    if (retries.perTryTimeout !== void 0) checkDuration(out, [...rp, "perTryTimeout"], retries.perTryTimeout, "retries.perTryTimeout");
    const retryOn = str(retries.retryOn);
    if (retryOn) {
      const bad = [];
      let fixedParts = [];
      for (const policy of retryOn.split(",")) {
        if (isRetryPolicy(policy)) {
          fixedParts?.push(policy);
          continue;
        }
        bad.push(policy);
        const trimmed = policy.trim();
        const guess = isRetryPolicy(trimmed) ? trimmed : closest(trimmed.replace(/_/g, "-"), RETRY_ON) ?? (RETRY_ON.includes(trimmed.replace(/_/g, "-").toLowerCase()) ? trimmed.replace(/_/g, "-").toLowerCase() : null);
        if (guess) fixedParts?.push(guess);
        else fixedParts = null;
      }
      if (bad.length > 0) {
        const fixed = fixedParts?.join(",");
        out.error(
          [...rp, "retryOn"],
          `retryOn ${q(retryOn)} has ${bad.length === 1 ? "a policy" : "policies"} Envoy does not know: ${bad.map((b) => q(b)).join(", ")}`,
          fixed ? `Did you mean ${q(fixed)}? (comma-separated, no spaces)` : `Use comma-separated policies without spaces from: ${RETRY_ON.join(", ")}, or HTTP status codes.`,
          fixed ? { op: "set", path: [...rp, "retryOn"], value: fixed, description: `retryOn: ${fixed}` } : null,
          `retryOn:${retryOn}`
        );
      }
    }
  }
  const rewrite = obj(route.rewrite);
  if (rewrite) {
    const rw = [...p, "rewrite"];
    const regexRw = obj(rewrite.uriRegexRewrite);
    if (nonZero(rewrite.uri) && regexRw) out.error(rw, "rewrite sets both uri and uriRegexRewrite", "Keep one of them.");
    else if (!nonZero(rewrite.uri) && !regexRw && !nonZero(rewrite.authority)) out.error(rw, "rewrite sets none of uri, uriRegexRewrite or authority", "Say what to rewrite, or remove rewrite.");
    else if (regexRw) {
      if (!nonZero(regexRw.match) || !nonZero(regexRw.rewrite)) out.error([...rw, "uriRegexRewrite"], "uriRegexRewrite needs both match and rewrite");
      else if (typeof regexRw.match === "string") {
        const e = regexError(regexRw.match, "rewrite.uriRegexRewrite.match");
        if (e) out.error([...rw, "uriRegexRewrite", "match"], e);
      }
    }
  }
  {
    let current = str(rewrite?.authority) ?? "";
    const req = obj(obj(route.headers)?.request);
    outer: for (const op of ["set", "add"]) {
      for (const [k, v] of Object.entries(obj(req?.[op]) ?? {})) {
        if (!isAuthority(k)) continue;
        if (current !== "") {
          out.error([...p, "headers", "request", op, k], `the authority is set more than once (${q(current)} and ${q(v)})`, "Set it in one place: rewrite.authority.");
          break outer;
        }
        current = typeof v === "string" ? v : "";
      }
    }
  }
  validateRouteDestinations(out, [...p, "route"], route.route, true);
  if (route.timeout !== void 0) checkDuration(out, [...p, "timeout"], route.timeout, "timeout");
}
function isRetryPolicy(policy) {
  if (RETRY_ON.includes(policy)) return true;
  return /^[0-9]+$/.test(policy) && HTTP_STATUS.has(Number(policy));
}
function checkPercentage(out, path5, v) {
  const pct = num(wrapped(v));
  if (pct === void 0) return;
  if (pct < 0 || pct > 100 || pct > 0 && pct < 1e-4) out.error(path5, `percentage ${pct} is neither 0 nor in 0.0001..100`);
}
function validateHttpMatch(out, p, m) {
  for (const [name, h] of Object.entries(obj(m.headers) ?? {})) {
    const hp = [...p, "headers", name];
    if (h === null) out.error(hp, `header match ${q(name)} is null`, "Give it an exact, prefix or regex value (or use withoutHeaders).");
    if (name === "") out.error(hp, "a header match has an empty name");
    else if (!isJwtClaimRoute(name) && !HEADER_NAME.test(name)) out.error(hp, `header name ${q(name)} is not a valid header name (letters, digits, "-" and "_")`);
    stringMatchErrors(out, hp, h, "headers");
  }
  for (const [name, h] of Object.entries(obj(m.withoutHeaders) ?? {})) {
    const hp = [...p, "withoutHeaders", name];
    if (name === "") out.error(hp, "a withoutHeaders match has an empty name");
    else if (!isJwtClaimRoute(name) && !HEADER_NAME.test(name)) out.error(hp, `header name ${q(name)} is not a valid header name (letters, digits, "-" and "_")`);
    if (isObject(h) && h.regex !== "*") stringMatchErrors(out, hp, h, "withoutHeaders");
  }
  const uri = stringMatch(m.uri);
  if (uri?.kind === "regex") {
    const e = regexError(uri.value, "uri");
    if (e) out.error([...p, "uri", "regex"], e);
  }
  for (const key of ["scheme", "method", "authority"]) stringMatchErrors(out, [...p, key], m[key], key);
  for (const [name, qp] of Object.entries(obj(m.queryParams) ?? {})) stringMatchErrors(out, [...p, "queryParams", name], qp, "queryParams");
  const port = num(m.port);
  if (port !== void 0 && port !== 0 && portError(port)) out.error([...p, "port"], `match ${portError(port)}`);
  checkLabels(out, [...p, "sourceLabels"], m.sourceLabels);
  if (hasItems(m.gateways)) checkGatewayNames(out, [...p, "gateways"], m.gateways);
  const sn = str(m.sourceNamespace);
  if (sn && !isDnsLabel(sn)) out.error([...p, "sourceNamespace"], `sourceNamespace ${q(sn)} is not a valid namespace name`);
}
function stringMatchErrors(out, p, v, where) {
  const sm = stringMatch(v);
  if (!sm) return;
  if (sm.kind === "prefix" && sm.value === "") out.error([...p, "prefix"], `${where}: the prefix match is empty`, "Remove the condition, or give it a prefix.");
  if (sm.kind === "regex") {
    const e = regexError(sm.value, where);
    if (e) out.error([...p, "regex"], e);
  }
}
function validateL4Match(out, p, m) {
  (arr(m.destinationSubnets) ?? []).forEach((s, k) => {
    if (typeof s === "string" && !isIPOrCidr(s)) out.error([...p, "destinationSubnets", k], `destinationSubnets entry ${q(s)} is not an IP address or CIDR block`);
  });
  const port = num(m.port);
  if (port !== void 0 && port !== 0 && portError(port)) out.error([...p, "port"], `match ${portError(port)}`);
  checkLabels(out, [...p, "sourceLabels"], m.sourceLabels);
  if (hasItems(m.gateways)) checkGatewayNames(out, [...p, "gateways"], m.gateways);
}
function validateTlsRoute(out, p, route, hosts, appliesToGateway) {
  const matches = arr(route.match) ?? [];
  if (Array.isArray(route.match) && matches.length === 0) out.error([...p, "match"], "the tls route has no match; tls routes must match on sniHosts", "Add match: [{sniHosts: [<host>]}].");
  matches.forEach((m, j) => {
    const mp = [...p, "match", j];
    if (m === null) {
      out.error(mp, "a tls match is null");
      return;
    }
    if (!isObject(m)) return;
    const snis = arr(m.sniHosts) ?? [];
    if (Array.isArray(m.sniHosts) && snis.length === 0) out.error([...mp, "sniHosts"], "the tls match has no sniHosts", "List the SNI host names it matches.");
    snis.forEach((s, k) => {
      if (typeof s !== "string") return;
      const sp = [...mp, "sniHosts", k];
      const err = appliesToGateway ? gatewayBoundHostError(s, true) : wildcardDomainError(s);
      if (err) {
        if (isIP4(s)) out.warn(sp, `sniHosts entry ${q(s)} is an IP address; SNI carries host names and most clients never send an IP`);
        else out.error(sp, err);
        return;
      }
      if (!hosts.some((h) => s === h || hostMatches(h, s))) {
        out.errorWhole(sp, `SNI host ${q(s)} is not one of the VirtualService's hosts (or covered by one): [${hosts.join(", ")}]`, "Add it to hosts, or fix the SNI host.");
      }
    });
    validateL4Match(out, mp, m);
  });
  if (noList(route.route)) out.error(p, "the tls route has no destinations (route)", "Add a route with a destination.");
  validateRouteDestinations(out, [...p, "route"], route.route);
}
function validateRouteDestinations(out, p, v, httpRoute = false) {
  const list = arr(v);
  if (!list) return;
  let total = 0;
  list.forEach((d, i) => {
    const dp = [...p, i];
    if (d === null) {
      out.error(dp, "a route destination entry is null");
      return;
    }
    if (!isObject(d)) return;
    if (isObject(d.destination)) validateDestination(out, [...dp, "destination"], d.destination);
    if (httpRoute) checkHeaderOps(out, [...dp, "headers"], d.headers);
    const w = num(d.weight) ?? 0;
    if (w < 0) out.error([...dp, "weight"], `weight ${w} is negative`);
    total += w;
  });
  if (list.length > 1 && total === 0) out.error(p, "the destinations all have weight 0, so no traffic can be sent", "Give the destinations weights (e.g. 90 and 10).");
}
function validateDestination(out, p, d) {
  const host = d.host;
  if (host === "") out.error([...p, "host"], "the destination host is empty", "Set host to the service name or FQDN.");
  else if (typeof host === "string") {
    if (host === "*") out.error([...p, "host"], 'destination host "*" is not allowed', "Name the service the traffic should go to.");
    else {
      const e = wildcardDomainError(host);
      if (e) out.error([...p, "host"], `destination ${e}`);
    }
  }
  if (typeof d.subset === "string" && !isDnsLabel(d.subset)) {
    out.error([...p, "subset"], d.subset === "" ? "the destination subset is empty" : `subset name ${q(d.subset)} is not a DNS-1123 label`);
  }
  const port = obj(d.port);
  if (port) {
    const n = num(port.number) ?? 0;
    const e = portError(n);
    if (e) out.error(port.number === void 0 ? [...p, "port"] : [...p, "port", "number"], `destination ${e}`, port.number === void 0 ? "Set port.number." : void 0);
  }
}
function canonical(v, dropName = false) {
  const norm = (x) => {
    if (x === null || x === void 0 || x === "" || x === 0 || x === false) return void 0;
    if (Array.isArray(x)) {
      const items = x.map((e) => norm(e) ?? null);
      return items.length === 0 ? void 0 : items;
    }
    if (isObject(x)) {
      const o = {};
      for (const k of Object.keys(x).sort()) {
        const n = norm(x[k]);
        if (n !== void 0) o[k] = n;
      }
      return Object.keys(o).length === 0 ? void 0 : o;
    }
    return x;
  };
  let value = v;
  if (dropName && isObject(v)) {
    const { name: _n, ...rest } = v;
    value = rest;
  }
  return JSON.stringify(norm(value) ?? {});
}
function exactOrPrefix(v) {
  const m = obj(v);
  if (!m) return "";
  if (typeof m.exact === "string" && m.exact !== "") return `exact:${m.exact}`;
  if (typeof m.prefix === "string" && m.prefix !== "") return `prefix:${m.prefix}`;
  return "";
}
function mapOf(v) {
  return new Map(Object.entries(obj(v) ?? {}).map(([k, x]) => [k, exactOrPrefix(x)]));
}
function covers(a, b) {
  if (!b.prefix.startsWith(a.prefix)) return false;
  if (a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  for (const key of ["headers", "queryParams", "withoutHeaders"]) {
    if (a[key].size !== b[key].size) return false;
    for (const [k, va] of a[key]) {
      const vb = b[key].get(k);
      if (vb === void 0) return false;
      if (va !== vb && !va.startsWith(vb)) return false;
    }
  }
  return true;
}
function analyzeUnreachable(out, kind, routes2) {
  const seen = /* @__PURE__ */ new Map();
  let catchAll = -1;
  const prefixes = [];
  const routeName = (r, i) => kind === "http" && typeof r.name === "string" && r.name !== "" ? q(r.name) : `#${i}`;
  const routeKey = (r) => kind === "http" && typeof r.name === "string" && r.name !== "" ? r.name : canonical({ match: r.match ?? null, route: r.route ?? null });
  routes2.forEach((route, i) => {
    if (!isObject(route)) return;
    const rp = ["spec", kind, i];
    const name = routeName(route, i);
    const matches = arr(route.match) ?? [];
    if (matches.length === 0) {
      if (catchAll >= 0) {
        out.add({
          level: "unreachable",
          path: rp,
          subject: `${kind}:${routeKey(route)}:after-catch-all`,
          message: `${kind} route ${name} has no match, and neither has the earlier route ${routeName(routes2[catchAll], catchAll)}; only the last route may match everything`,
          hint: "Add a match to one of them, or merge them."
        });
      }
      catchAll = i;
      return;
    }
    const shadowed = catchAll >= 0 && kind !== "tls";
    if (shadowed) {
      out.add({
        level: "unreachable",
        path: rp,
        subject: `${kind}:${routeKey(route)}:shadowed`,
        message: `${kind} route ${name} comes after route ${routeName(routes2[catchAll], catchAll)}, which has no match and takes every request`,
        hint: "Move the route without a match to the end of the list."
      });
    }
    let duplicates2 = 0;
    matches.forEach((m, j) => {
      const key = canonical(m, kind === "http");
      const matchName = kind === "http" && isObject(m) && typeof m.name === "string" && m.name !== "" ? q(m.name) : `#${j}`;
      const dup = seen.get(key);
      if (dup !== void 0) {
        out.add({
          level: "ineffective",
          path: [...rp, "match", j],
          subject: `${kind}:${routeKey(route)}:${key}`,
          message: `match ${matchName} of ${kind} route ${name} repeats a match of the earlier route ${routeName(routes2[dup], dup)}`,
          hint: "Remove the duplicate match, or change it so it selects different requests."
        });
        duplicates2++;
        return;
      }
      seen.set(key, i);
      if (kind !== "http" || !isObject(m)) return;
      const uri = obj(m.uri);
      const prefix = uri && typeof uri.prefix === "string" ? uri.prefix : "";
      if (prefix === "") return;
      prefixes.push({
        route: name,
        match: matchName,
        prefix,
        port: num(m.port) ?? 0,
        method: exactOrPrefix(m.method) || "exact:GET",
        authority: exactOrPrefix(m.authority),
        headers: mapOf(m.headers),
        queryParams: mapOf(m.queryParams),
        withoutHeaders: mapOf(m.withoutHeaders),
        path: [...rp, "match", j],
        key: `${routeKey(route)}:${key}`
      });
    });
    if (duplicates2 === matches.length && !shadowed) {
      out.add({
        level: "unreachable",
        path: rp,
        subject: `${kind}:${routeKey(route)}:all-dup`,
        message: `${kind} route ${name} is never used: every one of its matches is already taken by earlier routes`,
        hint: "Remove the route, or give it matches of its own."
      });
    }
  });
  for (let a = 0; a < prefixes.length; a++) {
    for (let b = a + 1; b < prefixes.length; b++) {
      const A = prefixes[a];
      const B = prefixes[b];
      if (A.prefix === B.prefix) continue;
      if (covers(A, B)) {
        out.add({
          level: "ineffective",
          path: B.path,
          subject: `http:${B.key}<${A.prefix}`,
          message: `match ${B.match} (uri prefix ${q(B.prefix)}) of http route ${B.route} is covered by match ${A.match} (uri prefix ${q(A.prefix)}) of ${A.route === B.route ? "the same route" : `the earlier route ${A.route}`}`,
          hint: "Put the longer prefix first, or remove the covered match."
        });
      }
    }
  }
}
var virtualServiceValidationRules = kindRules("VirtualService", "validation/istio", validateVirtualService, [
  { id: "vs-invalid", level: "error", fixable: true, title: "A VirtualService that Istio's admission webhook rejects (bad hosts, routes, matches, durations, retries, rewrite/redirect conflicts, delegation, exportTo)." },
  { id: "vs-validation-warning", level: "warning", fixable: true, title: "A VirtualService that Istio accepts with a warning (legacy gateway names, deprecated mirrorPercent, abort without an error type, IP SNI hosts)." },
  { id: "vs-unreachable-route", level: "unreachable", fixable: false, title: "A VirtualService route that can never be selected: an earlier route matches everything, or all of its matches repeat earlier ones." },
  { id: "vs-ineffective-match", level: "ineffective", fixable: false, title: "A VirtualService match that can never be selected: an earlier match is identical or covers it (URI prefix)." }
]);

// src/rules/validation/istio/destination-rule.ts
function validateDestinationRule(r, out) {
  const spec = r.spec;
  const ns = r.namespace ?? "default";
  if (spec.host === "") {
    out.error(["spec", "host"], "the DestinationRule host is empty", "Set host to the service it configures.");
  } else if (typeof spec.host === "string") {
    const e = wildcardDomainError(spec.host);
    if (e) out.error(["spec", "host"], e);
  }
  if (spec.trafficPolicy !== void 0 && spec.trafficPolicy !== null) validateTrafficPolicy(out, ["spec", "trafficPolicy"], spec.trafficPolicy, true);
  const names = /* @__PURE__ */ new Set();
  (arr(spec.subsets) ?? []).forEach((s, i) => {
    const p = ["spec", "subsets", i];
    if (s === null) {
      out.error(p, "a subset is null");
      return;
    }
    if (!isObject(s)) return;
    const name = str(s.name);
    if (name !== void 0 && names.has(name)) out.error([...p, "name"], `subset name ${q(name)} is defined twice`, "Subset names must be unique: rename or merge one of them.", null, `dup-subset:${name}`);
    if (name !== void 0) names.add(name);
    if (name === "") out.error([...p, "name"], "a subset name is empty");
    else if (name !== void 0 && !isDnsLabel(name)) out.error([...p, "name"], `subset name ${q(name)} is not a DNS-1123 label (letters, digits and "-")`);
    checkLabels(out, [...p, "labels"], s.labels);
    if (s.trafficPolicy !== void 0 && s.trafficPolicy !== null) validateTrafficPolicy(out, [...p, "trafficPolicy"], s.trafficPolicy, true);
  });
  checkExportTo(out, ["spec", "exportTo"], spec.exportTo, ns, isObject(spec.workloadSelector));
  checkWorkloadSelector(out, ["spec", "workloadSelector"], spec.workloadSelector);
}
var POLICY_FIELDS = ["outlierDetection", "connectionPool", "loadBalancer", "tls", "portLevelSettings", "tunnel", "proxyProtocol", "retryBudget"];
function validateTrafficPolicy(out, p, v, topLevel) {
  const tp = obj(v);
  if (!tp) return;
  if (!POLICY_FIELDS.some((f) => tp[f] !== void 0 && tp[f] !== null)) {
    out.error(p, "the trafficPolicy is empty", "Remove it, or set loadBalancer, connectionPool, outlierDetection or tls.");
    return;
  }
  if (isSet(tp.tunnel) && isSet(tp.proxyProtocol)) {
    out.error(p, "trafficPolicy sets both tunnel and proxyProtocol");
    return;
  }
  validateOutlierDetection(out, [...p, "outlierDetection"], tp.outlierDetection);
  validateConnectionPool(out, [...p, "connectionPool"], tp.connectionPool);
  validateLoadBalancer(out, [...p, "loadBalancer"], tp.loadBalancer, isSet(tp.outlierDetection));
  validateClientTls(out, [...p, "tls"], tp.tls);
  if (topLevel) {
    (arr(tp.portLevelSettings) ?? []).forEach((pl, i) => {
      const pp = [...p, "portLevelSettings", i];
      if (pl === null) {
        out.error(pp, "a portLevelSettings entry is null");
        return;
      }
      if (!isObject(pl)) return;
      if (!isSet(pl.port)) out.error(pp, "a portLevelSettings entry has no port", "Set port: {number: <port>}.");
      if (!["outlierDetection", "connectionPool", "loadBalancer", "tls"].some((f) => isSet(pl[f]))) {
        out.error(pp, "a portLevelSettings entry sets nothing for its port", "Add loadBalancer, connectionPool, outlierDetection or tls, or remove the entry.");
      } else {
        validateOutlierDetection(out, [...pp, "outlierDetection"], pl.outlierDetection);
        validateConnectionPool(out, [...pp, "connectionPool"], pl.connectionPool);
        validateLoadBalancer(out, [...pp, "loadBalancer"], pl.loadBalancer, isSet(pl.outlierDetection));
        validateClientTls(out, [...pp, "tls"], pl.tls);
      }
    });
  }
  const tunnel = obj(tp.tunnel);
  if (tunnel) {
    const proto = str(tunnel.protocol);
    if (proto && proto !== "CONNECT" && proto !== "POST") out.error([...p, "tunnel", "protocol"], `tunnel protocol ${q(proto)} is not "CONNECT" or "POST"`);
    const th = str(tunnel.targetHost);
    if (th !== void 0 && fqdnError(th) && !isIP4(th)) out.error([...p, "tunnel", "targetHost"], `tunnel targetHost ${q(th)} is not a valid host name or IP address`);
    const tport = num(tunnel.targetPort);
    if (tport !== void 0 && portError(tport)) out.error([...p, "tunnel", "targetPort"], `tunnel target ${portError(tport)}`);
  }
}
function validateOutlierDetection(out, p, v) {
  const od = obj(v);
  if (!od) return;
  if (od.baseEjectionTime !== void 0) checkDuration(out, [...p, "baseEjectionTime"], od.baseEjectionTime, "baseEjectionTime");
  if (od.interval !== void 0) checkDuration(out, [...p, "interval"], od.interval, "interval");
  if (nonZero(od.consecutiveErrors)) {
    out.warn(
      [...p, "consecutiveErrors"],
      "outlierDetection.consecutiveErrors is deprecated",
      "Use consecutive5xxErrors, which counts the same errors (or consecutiveGatewayErrors for 502/503/504 only).",
      od.consecutive5xxErrors === void 0 ? { op: "renameKey", path: [...p, "consecutiveErrors"], newKey: "consecutive5xxErrors", description: "consecutiveErrors \u2192 consecutive5xxErrors" } : null
    );
  }
  const lof = num(wrapped(od.consecutiveLocalOriginFailures));
  if (lof !== void 0 && lof > 0 && od.splitExternalLocalOriginErrors !== true) {
    out.error([...p, "consecutiveLocalOriginFailures"], "consecutiveLocalOriginFailures is set but splitExternalLocalOriginErrors is not true", "Set splitExternalLocalOriginErrors: true, or remove consecutiveLocalOriginFailures.");
  }
  for (const f of ["maxEjectionPercent", "minHealthPercent"]) {
    const n = num(od[f]);
    if (n !== void 0 && (n < 0 || n > 100)) out.error([...p, f], `${f} ${n} is not in 0..100`);
  }
}
function validateConnectionPool(out, p, v) {
  const cp = obj(v);
  if (!cp) return;
  if (!isSet(cp.http) && !isSet(cp.tcp)) {
    out.error(p, "the connectionPool sets neither http nor tcp", "Add http or tcp settings, or remove it.");
    return;
  }
  const http = obj(cp.http);
  if (http) {
    for (const f of ["http1MaxPendingRequests", "http2MaxRequests", "maxRequestsPerConnection", "maxRetries", "maxConcurrentStreams"]) {
      const n = num(http[f]);
      if (n !== void 0 && n < 0) out.error([...p, "http", f], `connectionPool.http.${f} ${n} is negative`);
    }
    if (http.idleTimeout !== void 0) checkDuration(out, [...p, "http", "idleTimeout"], http.idleTimeout, "http.idleTimeout");
    if (http.h2UpgradePolicy === "UPGRADE" && http.useClientProtocol === true) out.error([...p, "http", "useClientProtocol"], "useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE", "Choose one: keep the client's protocol, or upgrade to HTTP/2.");
  }
  const tcp = obj(cp.tcp);
  if (tcp) {
    const n = num(tcp.maxConnections);
    if (n !== void 0 && n < 0) out.error([...p, "tcp", "maxConnections"], `connectionPool.tcp.maxConnections ${n} is negative`);
    for (const f of ["connectTimeout", "maxConnectionDuration", "idleTimeout"]) if (tcp[f] !== void 0) checkDuration(out, [...p, "tcp", f], tcp[f], `tcp.${f}`);
    const ka = obj(tcp.tcpKeepalive);
    if (ka) {
      for (const f of ["time", "interval"]) if (ka[f] !== void 0) checkDuration(out, [...p, "tcp", "tcpKeepalive", f], ka[f], `tcpKeepalive.${f}`);
    }
  }
}
function isPrime(x) {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  for (let f = 3; f * f <= x; f += 2) if (x % f === 0) return false;
  return true;
}
function validateLoadBalancer(out, p, v, hasOutlier) {
  const lb = obj(v);
  if (!lb) return;
  const ch = obj(lb.consistentHash);
  if (ch) {
    const cookie = obj(ch.httpCookie);
    if (cookie && cookie.name === "") out.error([...p, "consistentHash", "httpCookie"], "consistentHash.httpCookie has no name", "Set the cookie name.");
    if (nonZero(ch.minimumRingSize)) {
      out.warn([...p, "consistentHash", "minimumRingSize"], "consistentHash.minimumRingSize is deprecated", "Use ringHash: {minimumRingSize: \u2026}.");
      if (isSet(ch.ringHash) || isSet(ch.maglev)) out.error([...p, "consistentHash", "minimumRingSize"], "consistentHash sets minimumRingSize together with ringHash or maglev", "Keep ringHash/maglev and drop the old minimumRingSize.");
    }
    const maglev = obj(ch.maglev);
    if (maglev) {
      const size = num(maglev.tableSize) ?? 0;
      const mp = maglev.tableSize === void 0 ? [...p, "consistentHash", "maglev"] : [...p, "consistentHash", "maglev", "tableSize"];
      if (size === 0) out.error(mp, "maglev.tableSize is not set", "Set a prime tableSize such as 65537.");
      else if (size >= 5000011) out.error(mp, `maglev.tableSize ${size} is not below 5000011`);
      else if (!isPrime(size)) out.error(mp, `maglev.tableSize ${size} is not a prime number`, "Use a prime such as 65537.");
    }
  }
  const loc = obj(lb.localityLbSetting);
  if (loc) validateLocality(out, [...p, "localityLbSetting"], loc, hasOutlier);
  if (lb.warmupDurationSecs !== void 0) checkDuration(out, [...p, "warmupDurationSecs"], lb.warmupDurationSecs, "warmupDurationSecs");
}
function validateLocality(out, p, loc, hasOutlier) {
  const distribute = arr(loc.distribute) ?? [];
  const failover = arr(loc.failover) ?? [];
  const priority = (arr(loc.failoverPriority) ?? []).filter((x) => typeof x === "string");
  if (distribute.length > 0 && failover.length > 0) {
    out.error(p, "localityLbSetting sets both distribute and failover", "Use one of them.");
    return;
  }
  if (failover.length > 0) {
    const topo = priority.find((l) => ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"].includes(l));
    if (topo) {
      out.error([...p, "failoverPriority"], `failoverPriority lists the topology label ${q(topo)} while failover is set`, "Use failover or topology labels in failoverPriority, not both.");
      return;
    }
  }
  for (let i = 0; i < distribute.length; i++) {
    const d = obj(distribute[i]);
    if (!d) continue;
    let total = 0;
    let bad = false;
    for (const [, w] of Object.entries(obj(d.to) ?? {})) {
      if (typeof w !== "number") continue;
      if (w <= 0 || w > 100) bad = true;
      total += w;
    }
    if (bad) {
      out.error([...p, "distribute", i, "to"], "a locality weight is not in 1..100");
      return;
    }
    if (isObject(d.to) && total !== 100) {
      out.error([...p, "distribute", i, "to"], `the locality weights add up to ${total}, not 100`);
      return;
    }
    for (const l of [str(d.from), ...Object.keys(obj(d.to) ?? {})]) {
      if (l === void 0) continue;
      const e = localityError(l);
      if (e) {
        out.error([...p, "distribute", i], e);
        return;
      }
    }
  }
  if ((failover.length > 0 || priority.length > 0) && !hasOutlier) {
    out.warn(p, "locality failover is configured without outlierDetection, so it never fails over", "Add trafficPolicy.outlierDetection (failover needs it to detect unhealthy endpoints).");
  }
  failover.forEach((f, i) => {
    const fo = obj(f);
    if (!fo) return;
    const from = str(fo.from) ?? "";
    const to = str(fo.to) ?? "";
    const fp = [...p, "failover", i];
    if (from === to) out.error(fp, `failover from and to are the same region ${q(from)}`);
    if (from.includes("/") || to.includes("/")) out.error(fp, 'failover from/to name regions only (no "/" zones)');
    if (from.includes("*") || to.includes("*")) out.error(fp, 'failover regions may not contain "*"');
  });
}
function localityError(l) {
  const stars = (l.match(/\*/g) ?? []).length;
  if (stars > 1 || stars === 1 && !l.endsWith("*")) return `locality ${q(l)}: a "*" may appear once, at the end`;
  if (l.split("/", 3).some((x) => x === "")) return `locality ${q(l)} has an empty region, zone or subzone`;
  return null;
}
function validateClientTls(out, p, v) {
  const tls = obj(v);
  if (!tls) return;
  const mode = str(tls.mode) ?? "DISABLE";
  const set = (k) => nonZero(tls[k]);
  const sans = tls.subjectAltNames !== void 0 && tls.subjectAltNames !== null;
  if (wrapped(tls.insecureSkipVerify) === true) {
    if (mode === "SIMPLE" && (set("caCertificates") || set("credentialName") || sans)) {
      out.error([...p, "insecureSkipVerify"], "insecureSkipVerify is true, yet caCertificates, credentialName or subjectAltNames are set", "Either verify the server (drop insecureSkipVerify) or drop the verification settings.");
    }
    if (mode === "MUTUAL" && (set("caCertificates") || sans)) {
      out.error([...p, "insecureSkipVerify"], "insecureSkipVerify is true, yet caCertificates or subjectAltNames are set", "Either verify the server (drop insecureSkipVerify) or drop the verification settings.");
    }
  }
  if ((mode === "SIMPLE" || mode === "MUTUAL") && set("credentialName")) {
    if (set("clientCertificate") || set("caCertificates") || set("privateKey") || set("caCrl")) {
      out.error([...p, "credentialName"], "credentialName is set together with file certificates (clientCertificate, privateKey, caCertificates or caCrl)", "With credentialName the Secret supplies them: remove the file paths.");
    }
    return;
  }
  if (mode === "MUTUAL") {
    const missing = ["clientCertificate", "privateKey"].filter((k) => !set(k));
    if (missing.length > 0) {
      out.error(
        [...p, "mode"],
        `tls mode MUTUAL without credentialName needs ${missing.join(" and ")}, so there is no client certificate to present`,
        "Set credentialName to a Secret holding the client certificate and key (and ca.crt), or set clientCertificate and privateKey.",
        null,
        "mutual-no-client-cert"
      );
    }
  }
}
var destinationRuleValidationRules = kindRules("DestinationRule", "validation/istio", validateDestinationRule, [
  { id: "dr-invalid", level: "error", fixable: false, title: "A DestinationRule that Istio's admission webhook rejects (host, subsets, load balancer, connection pool, outlier detection, TLS, port-level settings, exportTo)." },
  { id: "dr-validation-warning", level: "warning", fixable: true, title: "A DestinationRule that Istio accepts with a warning (deprecated fields, failover without outlier detection, selector without labels)." }
]);

// src/rules/validation/istio/gateway.ts
function validateGateway(r, out) {
  const spec = r.spec;
  if (!isDnsLabel(r.name)) out.error(["metadata", "name"], `gateway name ${q(r.name)} is not a DNS-1123 label (no dots)`, 'Rename it with letters, digits and "-" only; VirtualServices refer to it as <namespace>/<name>.');
  const servers = arr(spec.servers);
  if (!servers || servers.length === 0) {
    if (spec.servers === void 0 || Array.isArray(spec.servers)) out.errorWhole(spec.servers === void 0 ? ["spec"] : ["spec", "servers"], "the Gateway has no servers", "Add a server with a port and hosts.");
  } else {
    servers.forEach((s, i) => {
      if (s === null) {
        out.error(["spec", "servers", i], "a server is null");
        return;
      }
      if (isObject(s)) validateServer(out, ["spec", "servers", i], s);
    });
  }
  const names = /* @__PURE__ */ new Map();
  (servers ?? []).forEach((s, i) => {
    const port = obj(obj(s)?.port);
    if (!port) return;
    const name = str(port.name) ?? "";
    if (names.has(name) && name !== "") {
      out.error(["spec", "servers", i, "port", "name"], `port name ${q(name)} is used by more than one server`, 'Give each server port a unique name (e.g. "https-app1", "https-app2").', null, `dup-port-name:${name}`);
    }
    names.set(name, i);
    const tls = obj(obj(s)?.tls);
    const proto = str(port.protocol) ?? "";
    if (tls?.httpsRedirect === true && !isHttpProtocol(proto)) {
      out.warn(["spec", "servers", i, "tls", "httpsRedirect"], `tls.httpsRedirect only makes sense on an HTTP server, not on ${q(proto)}`, "Move httpsRedirect to the plain-HTTP server (port 80).");
    }
  });
}
function validateServer(out, p, s) {
  const hosts = arr(s.hosts);
  if (hosts && hosts.length === 0) {
    out.error([...p, "hosts"], "the server has no hosts", 'List the hosts it serves, e.g. "*/app.example.com" or "*".');
  } else if (hosts) {
    hosts.forEach((h, i) => {
      if (typeof h === "string") checkNamespacedHost(out, [...p, "hosts", i], h, true);
    });
  }
  const bind = str(s.bind) ?? "";
  const port = obj(s.port);
  let portOk = false;
  if (port) {
    const proto = str(port.protocol);
    const before = out.list.length;
    if (proto !== void 0 && !protocolKnown(proto)) {
      out.error([...p, "port", "protocol"], proto === "" ? "the server port protocol is empty" : `server port protocol ${q(proto)} is not supported`, "Use HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, MONGO, REDIS or MYSQL.");
    }
    const n = num(port.number);
    if (n !== void 0 && (n > 0 || !bind.startsWith("unix://"))) {
      const e = portError(n);
      if (e) out.error([...p, "port", "number"], `server ${e}`);
    }
    if ((num(port.targetPort) ?? 0) > 0) out.error([...p, "port", "targetPort"], "targetPort has no effect on a Gateway", "Remove targetPort; the gateway listens on port.number.");
    if (port.name === "") out.error([...p, "port", "name"], "the server port name is empty", 'Give it a name, e.g. "https".', null, "port-no-name");
    portOk = out.list.length === before && proto !== void 0 && port.number !== void 0 && nonZero(port.name);
  }
  if (bind.startsWith("unix://")) {
    const e = unixPathError(bind.slice("unix://".length));
    if (e) out.error([...p, "bind"], `bind ${e}`);
    if (port && (num(port.number) ?? 0) !== 0) out.error([...p, "port", "number"], "a server bound to a unix socket must have port number 0");
  } else if (bind !== "" && !isIP4(bind)) {
    out.error([...p, "bind"], `bind ${q(bind)} is not an IP address`);
  }
  validateServerTls(out, [...p, "tls"], s.tls, str(port?.protocol));
  if (portOk && port) {
    const proto = str(port.protocol) ?? "";
    const tls = obj(s.tls);
    if (isTlsProtocol(proto) && (s.tls === void 0 || s.tls === null)) {
      out.error([...p, "port", "protocol"], `a ${proto} server needs tls settings`, "Add tls: {mode: SIMPLE, credentialName: <secret>} (or PASSTHROUGH to pass TLS through to the service).");
    } else if (!isTlsProtocol(proto) && tls) {
      if (isHttpProtocol(proto)) {
        const mode = str(tls.mode) ?? "PASSTHROUGH";
        const passThrough = mode === "PASSTHROUGH" || mode === "AUTO_PASSTHROUGH";
        if (!passThrough || nonZero(tls.caCertificates) || nonZero(tls.privateKey) || nonZero(tls.serverCertificate)) {
          out.error([...p, "tls"], `a plain-text ${proto} server cannot have TLS settings (only tls.httpsRedirect)`, "Set port.protocol to HTTPS to terminate TLS here, or keep only httpsRedirect.");
        }
      } else {
        out.error([...p, "tls"], `a ${proto} server cannot have TLS settings`, "Use protocol TLS (or HTTPS) for a TLS server.");
      }
    }
  }
}
function checkNamespacedHost(out, p, h, isGateway) {
  const slash = h.indexOf("/");
  if (slash < 0) {
    if (isGateway) {
      hostPartErrors(out, p, h, h, true);
      return;
    }
    const fix = h !== "*" && hostPartError(h, false) === null ? `*/${h}` : null;
    out.error(
      p,
      `egress host ${q(h)} has no namespace: it must be "<namespace>/<host>"`,
      'Use "*/<host>" for the host in any namespace, "./<host>" for this namespace, or "<namespace>/<host>".',
      fix ? { op: "set", path: p, value: fix, description: `hosts: ${fix}` } : null,
      `no-namespace:${h}`
    );
    return;
  }
  const ns = h.slice(0, slash);
  const host = h.slice(slash + 1);
  if (ns === "" || host === "") out.error(p, `host ${q(h)} has an empty namespace or host name`);
  const allowed = isGateway ? ["*", "."] : ["*", ".", "~"];
  if (!allowed.includes(ns) && !isDnsLabel(ns)) out.error(p, `host ${q(h)}: namespace ${q(ns)} is not ${isGateway ? '"*", "." or a namespace name' : '"*", ".", "~" or a namespace name'}`);
  if (host !== "") hostPartErrors(out, p, h, host, isGateway);
}
function hostPartError(host, isGateway) {
  if (host !== "*" && !host.includes(".")) return `${q(host)} is a short name; a fully qualified name is required (e.g. ${q(`${host}.<namespace>.svc.cluster.local`)})`;
  const e = wildcardDomainError(host);
  if (e && !(isGateway && isIP4(host))) return e;
  if (isPartialWildcard(host)) return `partial wildcard ${q(host)} is not allowed (only "*" or "*.<domain>")`;
  return null;
}
function hostPartErrors(out, p, full, host, isGateway) {
  const e = hostPartError(host, isGateway);
  if (e) out.error(p, `host ${q(full)}: ${e}`);
}
var VALID_CIPHERS = [
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305",
  "ECDHE-RSA-CHACHA20-POLY1305",
  "ECDHE-ECDSA-AES128-SHA",
  "ECDHE-RSA-AES128-SHA",
  "ECDHE-ECDSA-AES256-SHA",
  "ECDHE-RSA-AES256-SHA",
  "AES128-GCM-SHA256",
  "AES256-GCM-SHA384",
  "AES128-SHA",
  "AES256-SHA",
  "DES-CBC3-SHA"
];
var IANA_TO_OPENSSL = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: "ECDHE-ECDSA-AES128-GCM-SHA256",
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: "ECDHE-RSA-AES128-GCM-SHA256",
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: "ECDHE-ECDSA-AES256-GCM-SHA384",
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: "ECDHE-RSA-AES256-GCM-SHA384",
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: "ECDHE-ECDSA-CHACHA20-POLY1305",
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: "ECDHE-RSA-CHACHA20-POLY1305",
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: "ECDHE-ECDSA-AES128-SHA",
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: "ECDHE-RSA-AES128-SHA",
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: "ECDHE-ECDSA-AES256-SHA",
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: "ECDHE-RSA-AES256-SHA",
  TLS_RSA_WITH_AES_128_GCM_SHA256: "AES128-GCM-SHA256",
  TLS_RSA_WITH_AES_256_GCM_SHA384: "AES256-GCM-SHA384",
  TLS_RSA_WITH_AES_128_CBC_SHA: "AES128-SHA",
  TLS_RSA_WITH_AES_256_CBC_SHA: "AES256-SHA",
  TLS_RSA_WITH_3DES_EDE_CBC_SHA: "DES-CBC3-SHA"
};
function validateServerTls(out, p, v, serverProtocol) {
  const tls = obj(v);
  if (!tls) return;
  const mode = str(tls.mode) ?? "PASSTHROUGH";
  const set = (k) => nonZero(tls[k]) || k === "credentialName" && hasItems(tls.credentialNames) || (k === "serverCertificate" || k === "privateKey") && hasItems(tls.tlsCertificates) || k === "caCertificates" && nonZero(tls.caCertCredentialName);
  const minV = str(tls.minProtocolVersion);
  if ((minV === "TLSV1_0" || minV === "TLSV1_1") && !hasItems(tls.cipherSuites)) {
    out.warn([...p, "minProtocolVersion"], `minProtocolVersion ${minV} without cipherSuites: the default ciphers no longer include ones those versions can use`, "List compatible cipherSuites, or use TLSV1_2.");
  }
  const ciphers = (arr(tls.cipherSuites) ?? []).filter((c) => typeof c === "string");
  (arr(tls.cipherSuites) ?? []).forEach((c, i) => {
    if (typeof c !== "string" || c === "" || c === "ALL" || !/^[A-Za-z0-9]/.test(c) || VALID_CIPHERS.includes(c)) return;
    const openssl = IANA_TO_OPENSSL[c.toUpperCase()];
    out.warn(
      [...p, "cipherSuites", i],
      `cipher suite ${q(c)} is not one Envoy knows, so it is ignored`,
      openssl ? `Envoy uses OpenSSL names: ${q(openssl)}.` : `Use OpenSSL-style names such as ${VALID_CIPHERS.slice(0, 2).map((x) => q(x)).join(", ")}; TLS 1.3 suites cannot be configured.`,
      openssl ? { op: "set", path: [...p, "cipherSuites", i], value: openssl, description: `cipherSuites: ${openssl}` } : null,
      `cipher:${c}`
    );
  });
  const dup = ciphers.filter((c, i) => ciphers.indexOf(c) !== i);
  if (dup.length > 0) out.warn([...p, "cipherSuites"], `cipherSuites lists ${[...new Set(dup)].map((c) => q(c)).join(", ")} more than once; the duplicates are ignored`);
  if (mode === "ISTIO_MUTUAL") {
    for (const [k, what2] of [["serverCertificate", "a server certificate"], ["privateKey", "a private key"], ["caCertificates", "a CA bundle"], ["credentialName", "a credentialName"]]) {
      if (set(k)) out.error([...p, k], `tls mode ISTIO_MUTUAL uses Istio's own certificates and cannot have ${what2}`, "Remove it, or use mode MUTUAL/SIMPLE with your certificates.");
    }
    return;
  }
  if (mode === "PASSTHROUGH" || mode === "AUTO_PASSTHROUGH") {
    if (set("caCrl") || set("serverCertificate") || set("privateKey") || set("caCertificates") || set("credentialName")) {
      const simple = tls.mode === void 0 && serverProtocol?.toUpperCase() === "HTTPS" && !set("caCertificates") && (set("credentialName") || set("serverCertificate") && set("privateKey"));
      out.warn(
        tls.mode === void 0 ? p : [...p, "mode"],
        `tls mode ${mode}${tls.mode === void 0 ? " (the default when mode is not set)" : ""} does not terminate TLS, so the certificates are ignored`,
        tls.mode === void 0 ? "Set mode: SIMPLE to terminate TLS with these certificates." : "Remove the certificates, or use SIMPLE/MUTUAL to terminate TLS.",
        simple ? { op: "insert", path: p, key: "mode", value: "SIMPLE", description: "tls.mode: SIMPLE" } : null,
        `passthrough-certs:${mode}`
      );
    }
  }
  const withCredential = (mode === "SIMPLE" || mode === "MUTUAL" || mode === "OPTIONAL_MUTUAL") && set("credentialName");
  if (!withCredential && (mode === "SIMPLE" || mode === "MUTUAL" || mode === "OPTIONAL_MUTUAL")) {
    const needed = mode === "SIMPLE" ? ["serverCertificate", "privateKey"] : ["serverCertificate", "privateKey", "caCertificates"];
    const missing = needed.filter((k) => !set(k));
    if (missing.length > 0) {
      out.error(
        [...p, "mode"],
        `tls mode ${mode} terminates TLS but has no credentialName, and ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set`,
        mode === "SIMPLE" ? "Set credentialName to the TLS Secret (tls.crt, tls.key) in the gateway's namespace." : "Set credentialName to a Secret with tls.crt, tls.key and ca.crt in the gateway's namespace.",
        null,
        `${mode}-no-cert`
      );
    }
  }
  if (set("caCrl")) {
    if (set("credentialName")) out.error([...p, "caCrl"], "caCrl cannot be used with credentialName; put the CRL in the credential Secret");
    if (mode === "SIMPLE") out.error([...p, "caCrl"], "caCrl is not supported with tls mode SIMPLE");
  }
}
var gatewayValidationRules = kindRules("Gateway", "validation/istio", validateGateway, [
  { id: "gateway-invalid", level: "error", fixable: false, title: "A Gateway that Istio's admission webhook rejects (servers, ports, host formats, TLS modes and their required certificates, duplicate port names)." },
  { id: "gateway-validation-warning", level: "warning", fixable: true, title: "A Gateway that Istio accepts with a warning (certificates on a passthrough server, httpsRedirect on a non-HTTP server, old TLS versions without ciphers)." }
]);

// src/rules/validation/istio/sidecar.ts
function validateSidecar(r, out) {
  const spec = r.spec;
  const ns = r.namespace ?? "default";
  const ws = obj(spec.workloadSelector);
  if (ws) {
    const labels = obj(ws.labels);
    let bad = false;
    for (const [k, v] of Object.entries(labels ?? {})) {
      if (k === "") {
        out.error(["spec", "workloadSelector", "labels"], "a workloadSelector label has an empty key");
        bad = true;
      }
      if (k.includes("*") || typeof v === "string" && v.includes("*")) {
        out.error(["spec", "workloadSelector", "labels", k], `workloadSelector label ${q(`${k}=${String(v)}`)} uses a wildcard, which selectors do not support`);
        bad = true;
      }
    }
    if (bad) return;
    if (Object.keys(labels ?? {}).length === 0 && (ws.labels === void 0 || labels)) {
      out.warn(["spec", "workloadSelector"], "the workloadSelector has no labels, so the Sidecar applies to every workload in the namespace", "Add labels, or remove workloadSelector for a namespace-wide Sidecar.");
    }
  }
  if (!hasItems(spec.egress) && !hasItems(spec.ingress) && !isSet(spec.outboundTrafficPolicy) && !isSet(spec.inboundConnectionPool)) {
    out.errorWhole(["spec"], "the Sidecar configures nothing (no egress, ingress, outboundTrafficPolicy or inboundConnectionPool)", 'Add egress hosts (e.g. "./*" and "istio-system/*") or delete the Sidecar.');
    return;
  }
  const ingressPorts = /* @__PURE__ */ new Set();
  (arr(spec.ingress) ?? []).forEach((ing, i) => {
    const p = ["spec", "ingress", i];
    if (ing === null) {
      out.error(p, "an ingress listener is null");
      return;
    }
    if (!isObject(ing)) return;
    const port = obj(ing.port);
    if (!port) return;
    if ((num(port.targetPort) ?? 0) > 0) out.error([...p, "port", "targetPort"], "targetPort has no effect on a Sidecar", "Remove it.");
    checkSidecarPort(out, [...p, "port"], port, false);
    const bind = str(ing.bind) ?? "";
    if (bind !== "" && !isIP4(bind)) out.error([...p, "bind"], `bind ${q(bind)} is not an IP address`);
    const n = num(port.number) ?? 0;
    if (ingressPorts.has(n)) out.error([...p, "port", "number"], `ingress port ${n} is used by more than one listener`, void 0, null, `dup-ingress-port:${n}`);
    ingressPorts.add(n);
    const de = str(ing.defaultEndpoint);
    if (de) checkDefaultEndpoint(out, [...p, "defaultEndpoint"], de);
    const tls = obj(ing.tls);
    if (tls) {
      if (hasItems(tls.subjectAltNames)) out.error([...p, "tls", "subjectAltNames"], "subjectAltNames is not supported on a Sidecar ingress listener");
      if (tls.httpsRedirect === true) out.error([...p, "tls", "httpsRedirect"], "httpsRedirect is not supported on a Sidecar ingress listener");
      if (nonZero(tls.credentialName)) out.error([...p, "tls", "credentialName"], "credentialName is not supported on a Sidecar ingress listener", "Mount the certificate files and use serverCertificate/privateKey.");
      if (tls.mode === "ISTIO_MUTUAL" || tls.mode === "AUTO_PASSTHROUGH") out.error([...p, "tls", "mode"], `tls mode ${tls.mode} cannot be used on a Sidecar ingress listener`);
      validateServerTls(out, [...p, "tls"], tls);
    }
    validateConnectionPool(out, [...p, "connectionPool"], ing.connectionPool);
    const proto = str(port.protocol) ?? "";
    if (isSet(obj(ing.connectionPool)?.http) && !isHttpProtocol(proto)) {
      out.warn([...p, "connectionPool", "http"], `HTTP connection pool settings on port ${n} (${q(str(port.name) ?? "")}), whose protocol ${q(proto)} is not HTTP: only the TCP settings apply`);
    }
  });
  validateConnectionPool(out, ["spec", "inboundConnectionPool"], spec.inboundConnectionPool);
  const egress = arr(spec.egress) ?? [];
  const ports = /* @__PURE__ */ new Set();
  const sockets = /* @__PURE__ */ new Set();
  let catchAll = false;
  egress.forEach((eg, i) => {
    const p = ["spec", "egress", i];
    if (eg === null) {
      out.error(p, "an egress listener is null");
      return;
    }
    if (!isObject(eg)) return;
    const port = obj(eg.port);
    if (!port) {
      if (!catchAll) {
        if (i === egress.length - 1) catchAll = true;
        else out.error(p, "the egress listener without a port must be the last one", "Move it to the end of egress.");
      } else {
        out.error(p, "egress has more than one listener without a port");
        return;
      }
    } else {
      if ((num(port.targetPort) ?? 0) > 0) out.error([...p, "port", "targetPort"], "targetPort has no effect on a Sidecar", "Remove it.");
      const bind = str(eg.bind) ?? "";
      const n = num(port.number) ?? 0;
      if (n === 0) {
        if (nonZero(port.name) && typeof port.name === "string" && !isDnsLabel(port.name)) out.error([...p, "port", "name"], `port name ${q(port.name)} is not a DNS-1123 label`);
        checkProtocol(out, [...p, "port"], port);
        if (!bind.startsWith("unix://")) out.error([...p, "port"], 'an egress listener with port 0 must bind to a unix domain socket ("unix://\u2026")');
        else {
          const e = unixPathError(bind.slice(7));
          if (e) out.error([...p, "bind"], `bind ${e}`);
        }
        const cm = str(eg.captureMode);
        if (cm && cm !== "DEFAULT" && cm !== "NONE") out.error([...p, "captureMode"], "a unix domain socket listener must use captureMode DEFAULT or NONE");
        if (sockets.has(bind)) out.error([...p, "bind"], `unix socket ${q(bind)} is used by more than one egress listener`);
        sockets.add(bind);
      } else {
        checkSidecarPort(out, [...p, "port"], port, true);
        if (bind !== "" && !isIP4(bind)) out.error([...p, "bind"], `bind ${q(bind)} is not an IP address`);
        if (ports.has(n)) out.error([...p, "port", "number"], `egress port ${n} is used by more than one listener`, void 0, null, `dup-egress-port:${n}`);
        ports.add(n);
      }
    }
    const hosts = arr(eg.hosts);
    if (!hosts) return;
    if (hosts.length === 0) {
      out.error([...p, "hosts"], "the egress listener has no hosts", 'List the hosts it may reach, e.g. "./*" and "istio-system/*".');
      return;
    }
    const byNs = /* @__PURE__ */ new Map();
    hosts.forEach((h, j) => {
      if (typeof h !== "string") return;
      const hp = [...p, "hosts", j];
      const slash = h.indexOf("/");
      if (slash >= 0) {
        const hns = h.slice(0, slash) === "." ? ns : h.slice(0, slash);
        const svc = h.slice(slash + 1);
        const seen = byNs.get(hns) ?? byNs.set(hns, /* @__PURE__ */ new Set()).get(hns);
        if (svc !== "*" ? seen.has(svc) || seen.has("*") : seen.size > 0) out.warn(hp, `egress host ${q(h)} repeats or is covered by an earlier entry`, "Remove the redundant entry.", null, `dup-host:${h}`);
        seen.add(svc);
      }
      checkNamespacedHost(out, hp, h, false);
    });
    if (byNs.get("*")?.has("*") && byNs.size !== 1) out.warn([...p, "hosts"], '"*/*" already selects every host; the other entries have no effect', 'Keep "*/*" alone, or list the namespaces you want.');
  });
  const otp = obj(spec.outboundTrafficPolicy);
  const proxy = otp ? obj(otp.egressProxy) : void 0;
  if (otp && proxy) {
    const op = ["spec", "outboundTrafficPolicy"];
    if ((str(otp.mode) ?? "REGISTRY_ONLY") !== "ALLOW_ANY") out.error([...op, "egressProxy"], "egressProxy is only allowed with outboundTrafficPolicy mode ALLOW_ANY", "Set mode: ALLOW_ANY, or remove egressProxy.");
    else {
      const host = str(proxy.host);
      const e = host === void 0 ? null : fqdnError(host);
      if (e) out.error([...op, "egressProxy", "host"], `egressProxy ${e}`);
      if (!isSet(proxy.port)) out.error([...op, "egressProxy"], "egressProxy has no port", "Set port: {number: <port>}.");
      else {
        const n = num(obj(proxy.port).number) ?? 0;
        if (portError(n)) out.error([...op, "egressProxy", "port"], `egressProxy ${portError(n)}`);
      }
    }
  }
}
function checkProtocol(out, p, port) {
  const proto = str(port.protocol);
  if (proto && !protocolKnown(proto)) out.error([...p, "protocol"], `protocol ${q(proto)} is not one Istio knows`, "Use HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, MONGO, REDIS or MYSQL (or leave it unset to sniff).");
}
function checkSidecarPort(out, p, port, _egress) {
  if (nonZero(port.name) && typeof port.name === "string" && !isDnsLabel(port.name)) out.error([...p, "name"], `port name ${q(port.name)} is not a DNS-1123 label`);
  checkProtocol(out, p, port);
  const n = num(port.number) ?? 0;
  const e = portError(n);
  if (e) out.error(port.number === void 0 ? p : [...p, "number"], port.number === void 0 ? "the listener port has no number" : e);
}
function checkDefaultEndpoint(out, p, de) {
  if (de.startsWith("unix://")) {
    const e = unixPathError(de.slice(7));
    if (e) out.error(p, `defaultEndpoint ${e}`);
    return;
  }
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:]*)$/.exec(de);
  const fix = "Use 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix://<path>.";
  if (!m) {
    out.error(p, `defaultEndpoint ${q(de)} is not "<ip>:<port>"`, fix);
    return;
  }
  const host = m[1] ?? m[2] ?? "";
  if (host !== "" && !["127.0.0.1", "0.0.0.0", "::1", "::"].includes(host)) {
    out.error(p, `defaultEndpoint ${q(de)} must point at the workload itself (127.0.0.1, 0.0.0.0, ::1 or ::)`, fix);
  }
  const port = m[3];
  if (!/^[0-9]+$/.test(port)) out.error(p, `defaultEndpoint port ${q(port)} is not a number`, fix);
  else if (portError(Number(port))) out.error(p, `defaultEndpoint ${portError(Number(port))}`);
}
var sidecarValidationRules = kindRules("Sidecar", "validation/istio", validateSidecar, [
  { id: "sidecar-invalid", level: "error", fixable: true, title: `A Sidecar that Istio's admission webhook rejects (egress hosts not "<namespace>/<host>", ports, defaultEndpoint, ingress TLS, egressProxy).` },
  { id: "sidecar-validation-warning", level: "warning", fixable: false, title: "A Sidecar that Istio accepts with a warning (selector without labels, repeated or redundant egress hosts, HTTP pool settings on a non-HTTP port)." }
]);

// src/rules/validation/istio/security.ts
var SOURCE_FIELDS = ["principals", "requestPrincipals", "namespaces", "ipBlocks", "remoteIpBlocks", "notPrincipals", "notRequestPrincipals", "notNamespaces", "notIpBlocks", "notRemoteIpBlocks", "serviceAccounts", "notServiceAccounts"];
var TCP_SOURCE_FIELDS = ["principals", "notPrincipals", "namespaces", "notNamespaces", "ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks", "serviceAccounts", "notServiceAccounts"];
var OPERATION_FIELDS = ["ports", "methods", "paths", "hosts", "notPorts", "notMethods", "notPaths", "notHosts"];
var present = (v) => hasItems(v);
function checkDryRun(r, out, allowed, action) {
  const val = r.annotations["istio.io/dry-run"];
  if (val === void 0) return;
  const p = ["metadata", "annotations", "istio.io/dry-run"];
  if (!allowed) {
    out.error(p, `the annotation istio.io/dry-run is only supported on AuthorizationPolicy`, "Remove the annotation.");
    return;
  }
  if (action !== "ALLOW" && action !== "DENY") out.error(p, `istio.io/dry-run only supports actions ALLOW and DENY, not ${action}`);
  else if (!["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].includes(val)) out.error(p, `istio.io/dry-run value ${q(val)} is not a boolean`, 'Use "true" or "false".');
}
function validateAuthorizationPolicy(r, out) {
  const spec = r.spec;
  const action = str(spec.action) ?? "ALLOW";
  checkDryRun(r, out, true, action);
  checkPolicyTargets(out, spec);
  checkWorkloadSelector(out, ["spec", "selector"], spec.selector, false);
  const rules = arr(spec.rules) ?? [];
  const noRules = rules.length === 0;
  if (action === "CUSTOM") {
    if (noRules) out.errorWhole(spec.rules === void 0 ? ["spec", "action"] : ["spec", "rules"], "a CUSTOM policy without rules never triggers", "Add rules; an empty rule `{}` matches every request.");
    else if (!nonZero(obj(spec.provider)?.name)) out.error(isSet(spec.provider) ? ["spec", "provider"] : ["spec", "action"], "a CUSTOM policy needs provider.name", "Set provider.name to an extension provider declared in the mesh config.", null, "custom-no-provider");
    rules.forEach((rule, i) => {
      const rl = obj(rule);
      if (!rl) return;
      (arr(rl.from) ?? []).forEach((f, j) => {
        const src = obj(obj(f)?.source);
        if (!src) return;
        for (const k of ["namespaces", "notNamespaces", "principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals"]) {
          if (present(src[k])) out.error(["spec", "rules", i, "from", j, "source", k], `source.${k} is not supported with the CUSTOM action`, "Use ipBlocks/remoteIpBlocks, or let the external authorizer decide.");
        }
      });
      (arr(rl.when) ?? []).forEach((w, j) => {
        if (w === null) {
          out.error(["spec", "rules", i, "when", j], "a when condition is null");
          return;
        }
        const key = str(obj(w)?.key) ?? "";
        if (key === "source.namespace" || key === "source.principal" || key.startsWith("request.auth.")) {
          out.error(["spec", "rules", i, "when", j, "key"], `when key ${q(key)} is not supported with the CUSTOM action`);
        }
      });
    });
  }
  if (isSet(spec.provider) && action !== "CUSTOM") out.error(["spec", "provider"], `provider is only allowed with action CUSTOM, not ${action}`, "Set action: CUSTOM, or remove provider.");
  if (action === "DENY" && noRules) {
    out.errorWhole(spec.rules === void 0 ? ["spec", "action"] : ["spec", "rules"], "a DENY policy without rules never triggers", "Add the rules to deny; an empty rule `{}` denies every request.");
  }
  rules.forEach((rule, i) => {
    const p = ["spec", "rules", i];
    if (rule === null) {
      out.error(p, "a rule is null");
      return;
    }
    if (!isObject(rule)) return;
    let tcpInFrom = false;
    let tcpInTo = false;
    let fromExists = false;
    let toExists = false;
    (arr(rule.from) ?? []).forEach((f, j) => {
      const fp = [...p, "from", j];
      if (f === null) {
        out.error(fp, "`from` entry is null");
        return;
      }
      if (!isObject(f)) return;
      if (f.source === void 0 || f.source === null) {
        out.error(fp, "`from` entry has no source", "Add source: {\u2026}.");
        return;
      }
      const src = obj(f.source);
      if (!src) return;
      fromExists = true;
      if (!SOURCE_FIELDS.some((k) => present(src[k]))) out.error([...fp, "source"], "`from.source` is empty", "Say who the rule is about (principals, namespaces, ipBlocks, \u2026), or remove the `from` entry.");
      checkValues(out, [...fp, "source"], src, SOURCE_FIELDS);
      for (const k of ["ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks"]) {
        (arr(src[k]) ?? []).forEach((ip, n) => {
          if (typeof ip === "string" && ip !== "" && !isIPOrCidr(ip)) out.error([...fp, "source", k, n], `${k} entry ${q(ip)} is not an IP address or CIDR block`);
        });
      }
      if (TCP_SOURCE_FIELDS.some((k) => src[k] !== void 0 && src[k] !== null)) tcpInFrom = true;
    });
    (arr(rule.to) ?? []).forEach((t, j) => {
      const tp = [...p, "to", j];
      if (t === null) {
        out.error(tp, "`to` entry is null");
        return;
      }
      if (!isObject(t)) return;
      if (t.operation === void 0 || t.operation === null) {
        out.error(tp, "`to` entry has no operation", "Add operation: {\u2026}.");
        return;
      }
      const op = obj(t.operation);
      if (!op) return;
      toExists = true;
      if (!OPERATION_FIELDS.some((k) => present(op[k]))) out.error([...tp, "operation"], "`to.operation` is empty", "Say what the rule is about (methods, paths, ports, hosts), or remove the `to` entry.");
      checkValues(out, [...tp, "operation"], op, OPERATION_FIELDS);
      for (const k of ["ports", "notPorts"]) {
        (arr(op[k]) ?? []).forEach((port, n) => {
          if (typeof port === "string" && port !== "" && !(/^[0-9]+$/.test(port) && Number(port) <= 65535)) out.error([...tp, "operation", k, n], `${k} entry ${q(port)} is not a port number`);
        });
      }
      for (const k of ["paths", "notPaths"]) {
        (arr(op[k]) ?? []).forEach((path5, n) => {
          if (typeof path5 === "string") {
            const e = pathTemplateError(path5);
            if (e) out.error([...tp, "operation", k, n], e);
          }
        });
      }
      if (op.ports !== void 0 || op.notPorts !== void 0) tcpInTo = true;
    });
    (arr(rule.when) ?? []).forEach((w, j) => {
      const wp = [...p, "when", j];
      if (!isObject(w)) return;
      const key = str(w.key);
      if (key === void 0) return;
      if (key === "") {
        out.error([...wp, "key"], "a `when` condition has an empty key");
        return;
      }
      if (!present(w.values) && !present(w.notValues)) {
        out.error(wp, `the \`when\` condition on ${q(key)} has neither values nor notValues`, "Add the values to compare with.");
        return;
      }
      for (const k of ["values", "notValues"]) {
        const vals = (arr(w[k]) ?? []).filter((v) => typeof v === "string");
        if (!present(w[k])) continue;
        const e = attributeError(key, vals);
        if (e) {
          out.error([...wp, e.startsWith("unknown") ? "key" : k], e);
          break;
        }
      }
    });
    if (action === "DENY" && (fromExists && !toExists && !tcpInFrom || toExists && !tcpInTo)) {
      out.warn(p, "this DENY rule uses only HTTP attributes, so on TCP ports in scope it denies all traffic", "Name the ports (to.operation.ports) the rule is meant for.", null, `deny-http-only:${JSON.stringify(rule)}`);
    }
  });
}
function checkValues(out, p, o, fields) {
  for (const k of fields) {
    (arr(o[k]) ?? []).forEach((v, n) => {
      if (v === "") out.error([...p, k, n], `${k} has an empty value`, "Remove it: an empty string matches nothing useful.");
    });
  }
}
function pathTemplateError(path5) {
  if (!path5.includes("{") && !path5.includes("}")) return null;
  let sawAny = false;
  for (const seg of path5.replace(/^\/+|\/+$/g, "").split("/")) {
    if (seg === "{*}" && !sawAny) continue;
    if (seg === "{**}" && !sawAny) {
      sawAny = true;
      continue;
    }
    if (seg.includes("{") || seg.includes("}")) {
      return seg === "{*}" || seg === "{**}" ? `path ${q(path5)}: nothing but literal segments may follow "{**}"` : `path ${q(path5)}: segment ${q(seg)} is not a supported template ("{*}" or "{**}")`;
    }
  }
  return null;
}
function mapKeyError(key, prefix) {
  const rest = key.slice(prefix.length);
  if (!/^\[.+\]$/.test(rest)) return `when key ${q(key)} must be of the form ${prefix}[<name>]`;
  return null;
}
function attributeError(key, values) {
  const ips = () => {
    const bad = values.find((v) => !isIPOrCidr(v));
    return bad !== void 0 ? `value ${q(bad)} of ${q(key)} is not an IP address or CIDR block` : null;
  };
  if (key.startsWith("request.headers")) return mapKeyError(key, "request.headers");
  if (key.startsWith("request.auth.claims")) return mapKeyError(key, "request.auth.claims");
  if (key.startsWith("experimental.envoy.filters.")) return /\[[^\[\]]+\]$/.test(key) ? null : `when key ${q(key)} must end with [<name>]`;
  switch (key) {
    case "source.ip":
    case "remote.ip":
    case "destination.ip":
      return ips();
    case "destination.port": {
      const bad = values.find((v) => !(/^[0-9]+$/.test(v) && Number(v) <= 65535));
      return bad !== void 0 ? `value ${q(bad)} of "destination.port" is not a port number` : null;
    }
    case "source.namespace":
    case "source.principal":
    case "source.serviceAccount":
    case "request.auth.principal":
    case "request.auth.audiences":
    case "request.auth.presenter":
    case "connection.sni":
      return null;
    default:
      return `unknown when key ${q(key)}`;
  }
}
function validatePeerAuthentication(r, out) {
  const spec = r.spec;
  checkWorkloadSelector(out, ["spec", "selector"], spec.selector, false);
}
function validateRequestAuthentication(r, out) {
  const spec = r.spec;
  checkPolicyTargets(out, spec);
  checkWorkloadSelector(out, ["spec", "selector"], spec.selector, false);
  (arr(spec.jwtRules) ?? []).forEach((rule, i) => {
    const p = ["spec", "jwtRules", i];
    const jr = obj(rule);
    if (!jr) return;
    if (jr.issuer === void 0) out.error(p, "the JWT rule has no issuer", 'Set issuer to the token issuer (the "iss" claim).', null, `no-issuer:${str(jr.jwksUri) ?? ""}`);
    const uri = str(jr.jwksUri);
    if (uri && /^https?:\/\/[^/]/i.test(uri)) {
      let ok = true;
      try {
        new URL(uri);
      } catch {
        ok = false;
      }
      if (!ok) out.error([...p, "jwksUri"], `jwksUri ${q(uri)} is not a valid URL`);
    }
    const jwks = str(jr.jwks);
    if (jwks) {
      let ok = false;
      try {
        const v = JSON.parse(jwks);
        ok = typeof v === "object" && v !== null;
      } catch {
        ok = false;
      }
      if (!ok) out.error([...p, "jwks"], "jwks is not a JSON Web Key Set (it does not parse as JSON)", "Paste the JWKS document as JSON, or use jwksUri.");
    }
    (arr(jr.outputClaimToHeaders) ?? []).forEach((c, j) => {
      const cp = [...p, "outputClaimToHeaders", j];
      if (!isObject(c)) return;
      if (typeof c.header === "string" && c.header !== "" && !HEADER_NAME.test(c.header)) out.error([...cp, "header"], `header name ${q(c.header)} is not a valid header name`);
    });
    if (jr.timeout !== void 0) checkDuration(out, [...p, "timeout"], jr.timeout, "timeout");
  });
}
var authorizationPolicyValidationRules = kindRules("AuthorizationPolicy", "validation/istio", validateAuthorizationPolicy, [
  { id: "authz-invalid", level: "error", fixable: false, title: "An AuthorizationPolicy that Istio's admission webhook rejects (action vs rules/provider, empty from/to/when, bad IPs, ports, paths, unknown when keys)." },
  { id: "authz-validation-warning", level: "warning", fixable: false, title: "An AuthorizationPolicy that Istio accepts with a warning (DENY rules with only HTTP attributes that block all TCP traffic, selector without labels)." }
]);
var peerAuthenticationValidationRules = kindRules("PeerAuthentication", "validation/istio", validatePeerAuthentication, [
  { id: "peer-authn-invalid", level: "error", fixable: false, title: "A PeerAuthentication that Istio's admission webhook rejects beyond its CRD rules (the dry-run annotation, which only AuthorizationPolicy supports)." },
  { id: "peer-authn-validation-warning", level: "warning", fixable: false, title: "A PeerAuthentication that Istio accepts with a warning (a selector without labels)." }
]);
var requestAuthenticationValidationRules = kindRules("RequestAuthentication", "validation/istio", validateRequestAuthentication, [
  { id: "request-authn-invalid", level: "error", fixable: false, title: "A RequestAuthentication that Istio's admission webhook rejects (JWT rules without issuer, bad jwksUri or jwks, invalid output header names, bad timeouts)." },
  { id: "request-authn-validation-warning", level: "warning", fixable: false, title: "A RequestAuthentication that Istio accepts with a warning (a selector without labels)." }
]);
function misplacedWildcard(v) {
  if (v === "*" || !v.includes("*")) return false;
  const inner = v.slice(v.startsWith("*") ? 1 : 0, v.endsWith("*") && !v.startsWith("*") ? -1 : void 0);
  return inner.includes("*");
}
function pathTemplateFor(path5) {
  const segs = path5.split("/");
  let changed = false;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (!s.includes("*")) continue;
    if (i === segs.length - 1 && s === "*") {
      segs[i] = "{**}";
      changed = true;
      continue;
    }
    if (s === "*") {
      segs[i] = "{*}";
      changed = true;
      continue;
    }
    if (s === "**") {
      segs[i] = "{**}";
      changed = true;
      continue;
    }
    return null;
  }
  const out = segs.join("/");
  return changed && pathTemplateError(out) === null ? out : null;
}
var WILDCARD_FIELDS = [
  ["source", "principals"],
  ["source", "notPrincipals"],
  ["source", "requestPrincipals"],
  ["source", "notRequestPrincipals"],
  ["source", "namespaces"],
  ["source", "notNamespaces"],
  ["operation", "hosts"],
  ["operation", "notHosts"],
  ["operation", "methods"],
  ["operation", "notMethods"],
  ["operation", "paths"],
  ["operation", "notPaths"]
];
var authorizationWildcardRule = defineRule({
  id: "authz-unsupported-wildcard",
  severity: "warning",
  istioCode: null,
  group: "validation/istio",
  fixable: true,
  title: 'An AuthorizationPolicy value with "*" in the middle (e.g. "cluster.local/ns/*/sa/web"): Istio compares it literally, so it never matches.',
  check(ctx) {
    for (const r of ctx.mesh.byKind("AuthorizationPolicy")) {
      (arr(r.spec.rules) ?? []).forEach((rule, i) => {
        const rl = obj(rule);
        if (!rl) return;
        const entries = [];
        (arr(rl.from) ?? []).forEach((f, j) => {
          const src = obj(obj(f)?.source);
          if (src) {
            for (const [where, k] of WILDCARD_FIELDS) if (where === "source") entries.push([["spec", "rules", i, "from", j, "source", k], src[k], k]);
          }
        });
        (arr(rl.to) ?? []).forEach((t, j) => {
          const op = obj(obj(t)?.operation);
          if (op) {
            for (const [where, k] of WILDCARD_FIELDS) if (where === "operation") entries.push([["spec", "rules", i, "to", j, "operation", k], op[k], k]);
          }
        });
        (arr(rl.when) ?? []).forEach((w, j) => {
          const cond = obj(w);
          const key = str(cond?.key) ?? "";
          if (!cond || /\.ip$/.test(key) || key === "destination.port") return;
          for (const k of ["values", "notValues"]) entries.push([["spec", "rules", i, "when", j, k], cond[k], `${key} ${k}`]);
        });
        for (const [path5, list, field] of entries) {
          (arr(list) ?? []).forEach((v, n) => {
            if (typeof v !== "string") return;
            const isPath = field === "paths" || field === "notPaths";
            if (!misplacedWildcard(isPath ? v.replace(/\{\*\*?\}/g, "x") : v)) return;
            const template = isPath ? pathTemplateFor(v) : null;
            ctx.report({
              resource: r,
              path: [...path5, n],
              subject: `${field}:${v}`,
              message: `${field} value ${q(v)} has a "*" that is neither the whole value nor at its start or end: Istio compares it literally, so it never matches and the rule silently does not apply.` + (isPath ? ` For path segments use templates: "{*}" for one segment, "{**}" for the rest${template ? ` (${q(template)})` : ""}.` : ' Use a prefix ("abc*") or suffix ("*abc") match, or list the exact values.'),
              fix: template ? { op: "set", path: [...path5, n], value: template, description: `${field}: ${template}` } : null
            });
          });
        }
      });
    }
  }
});

// src/rules/validation/istio/telemetry-workload.ts
function validateTelemetry(r, out) {
  const spec = r.spec;
  checkPolicyTargets(out, spec);
  checkWorkloadSelector(out, ["spec", "selector"], spec.selector, false);
  (arr(spec.metrics) ?? []).forEach((m, i) => {
    const mp = ["spec", "metrics", i];
    const metrics = obj(m);
    if (!metrics) return;
    (arr(metrics.overrides) ?? []).forEach((o, j) => {
      const op = [...mp, "overrides", j];
      if (o === null) {
        out.error(op, "a metrics override is null");
        return;
      }
      if (!isObject(o)) return;
      for (const [tag, to] of Object.entries(obj(o.tagOverrides) ?? {})) {
        const tp = [...op, "tagOverrides", tag];
        if (tag === "") out.warn(tp, "a tagOverrides entry has an empty tag name");
        if (to === null) {
          out.error(tp, `tag override ${q(tag)} is null`, "Give it {value: <CEL expression>} or {operation: REMOVE}.");
          continue;
        }
        if (!isObject(to)) continue;
        const operation = str(to.operation) ?? "UPSERT";
        if (operation === "UPSERT" && !nonZero(to.value)) out.error(tp, `tag override ${q(tag)} adds or updates the tag but has no value`, "Set value to a CEL expression, or operation: REMOVE to drop the tag.");
        if (operation === "REMOVE" && nonZero(to.value)) out.error([...tp, "value"], `tag override ${q(tag)} removes the tag, so it cannot have a value`, "Remove value, or use operation: UPSERT.");
      }
    });
  });
  const tracing = arr(spec.tracing) ?? [];
  if (tracing.length > 1) out.warn(["spec", "tracing"], "more than one tracing configuration is not supported", "Keep one tracing entry.");
  tracing.forEach((t, i) => {
    const tp = ["spec", "tracing", i];
    const tr = obj(t);
    if (!tr) return;
    const providers = arr(tr.providers) ?? [];
    if (providers.length > 1) out.warn([...tp, "providers"], "more than one tracing provider is not supported", "Keep one provider.");
    for (const [name, tag] of Object.entries(obj(tr.customTags) ?? {})) {
      const cp = [...tp, "customTags", name];
      if (name === "") out.error(cp, "a custom tag has an empty name");
      if (tag === null) {
        out.error(cp, `custom tag ${q(name)} is null`);
        continue;
      }
    }
  });
}
function validateWorkloadEntry(r, out) {
  const spec = r.spec;
  const addr = str(spec.address) ?? "";
  if (spec.address !== void 0 && typeof spec.address !== "string") return;
  if (addr === "") {
    if (!nonZero(spec.network)) {
      out.errorWhole(spec.address === void 0 ? ["spec"] : ["spec", "address"], "the WorkloadEntry has no address", "Set address to the VM's IP or DNS name.");
      return;
    }
    out.warn(["spec", "network"], `address is not set, only network ${q(spec.network)}`, "Set address unless the workload is reached only through the network's gateway.");
  }
  if (addr.startsWith("unix://")) {
    const e = unixPathError(addr.slice(7));
    if (e) out.error(["spec", "address"], `address ${e}`);
    if (Object.keys(obj(spec.ports) ?? {}).length > 0) out.error(["spec", "ports"], `a unix socket endpoint (${q(addr)}) cannot list ports`, "Remove ports.");
  } else if (addr !== "" && !isIP4(addr) && fqdnError(addr)) {
    out.error(["spec", "address"], `address ${q(addr)} is not an IP address or a DNS name`);
  }
  for (const [name, port] of Object.entries(obj(spec.ports) ?? {})) {
    if (!isDnsLabel(name)) out.error(["spec", "ports", name], `port name ${q(name)} is not a DNS-1123 label`);
    if (typeof port === "number" && portError(port)) out.error(["spec", "ports", name], `port ${q(name)}: ${portError(port)}`);
  }
  checkLabels(out, ["spec", "labels"], spec.labels);
}
function validateWorkloadGroup(r, out) {
  const spec = r.spec;
  if (!isObject(spec.template)) return;
  const meta = obj(spec.metadata);
  if (meta) {
    const before = out.list.length;
    checkLabels(out, ["spec", "metadata", "labels"], meta.labels);
    if (out.list.length > before) return;
  }
  const probe = obj(spec.probe);
  if (!probe) return;
  const p = ["spec", "probe"];
  for (const f of ["periodSeconds", "initialDelaySeconds", "timeoutSeconds", "successThreshold", "failureThreshold"]) {
    const n = num(probe[f]);
    if (n !== void 0 && n < 0) out.error([...p, f], `probe.${f} ${n} is negative`);
  }
  const httpGet = probe.httpGet;
  const tcp = probe.tcpSocket;
  const exec = probe.exec;
  if (httpGet !== void 0) {
    const h = obj(httpGet);
    if (!h) {
      if (httpGet === null) out.error([...p, "httpGet"], "probe.httpGet is null");
      return;
    }
    const port = num(h.port);
    if (port !== void 0 && portError(port)) out.error([...p, "httpGet", "port"], `probe.httpGet ${portError(port)}`);
    const scheme = str(h.scheme);
    if (scheme && scheme !== "HTTP" && scheme !== "HTTPS") out.error(
      [...p, "httpGet", "scheme"],
      `probe.httpGet.scheme ${q(scheme)} is not "HTTP" or "HTTPS"`,
      void 0,
      ["HTTP", "HTTPS"].includes(scheme.toUpperCase()) ? { op: "set", path: [...p, "httpGet", "scheme"], value: scheme.toUpperCase(), description: `scheme: ${scheme.toUpperCase()}` } : null
    );
    (arr(h.httpHeaders) ?? []).forEach((hd, i) => {
      if (hd === null) {
        out.error([...p, "httpGet", "httpHeaders", i], "a probe header is null");
        return;
      }
      const name = str(obj(hd)?.name);
      if (name !== void 0 && !HEADER_NAME.test(name)) out.error([...p, "httpGet", "httpHeaders", i], name === "" ? "a probe header has no name" : `probe header name ${q(name)} is not a valid header name`);
    });
  } else if (tcp !== void 0) {
    const t = obj(tcp);
    if (!t) {
      if (tcp === null) out.error([...p, "tcpSocket"], "probe.tcpSocket is null");
      return;
    }
    const port = num(t.port);
    if (port !== void 0 && portError(port)) out.error([...p, "tcpSocket", "port"], `probe.tcpSocket ${portError(port)}`);
  } else if (exec !== void 0) {
    const e = obj(exec);
    if (!e) {
      if (exec === null) out.error([...p, "exec"], "probe.exec is null");
      return;
    }
    if (Array.isArray(e.command) && e.command.length === 0) out.error([...p, "exec", "command"], "probe.exec has an empty command");
  } else if (probe.grpc === void 0) {
    out.error(p, "the probe has no check (httpGet, tcpSocket, exec or grpc)", "Add one of httpGet, tcpSocket, exec or grpc.");
  }
}
var telemetryValidationRules = kindRules("Telemetry", "validation/istio", validateTelemetry, [
  { id: "telemetry-invalid", level: "error", fixable: false, title: "A Telemetry resource that Istio's admission webhook rejects (tag overrides without a value or with one on REMOVE, null overrides or custom tags, bad selectors or targetRefs)." },
  { id: "telemetry-validation-warning", level: "warning", fixable: false, title: "A Telemetry resource that Istio accepts with a warning (several tracing configurations or providers, selector without labels)." }
]);
var workloadEntryValidationRules = kindRules("WorkloadEntry", "validation/istio", validateWorkloadEntry, [
  { id: "workload-entry-invalid", level: "error", fixable: false, title: "A WorkloadEntry that Istio's admission webhook rejects (no address, an address that is not an IP, DNS name or unix socket, bad ports or labels)." },
  { id: "workload-entry-validation-warning", level: "warning", fixable: false, title: "A WorkloadEntry that Istio accepts with a warning (no address, only a network)." }
]);
var workloadGroupValidationRules = kindRules("WorkloadGroup", "validation/istio", validateWorkloadGroup, [
  { id: "workload-group-invalid", level: "error", fixable: true, title: "A WorkloadGroup that Istio's admission webhook rejects (bad labels, a probe without a check, with negative timings, bad ports or an empty exec command)." }
]);

// src/rules/validation/istio/index.ts
var istioValidationRules = [
  ...virtualServiceValidationRules,
  ...destinationRuleValidationRules,
  ...gatewayValidationRules,
  ...sidecarValidationRules,
  ...authorizationPolicyValidationRules,
  authorizationWildcardRule,
  ...peerAuthenticationValidationRules,
  ...requestAuthenticationValidationRules,
  ...telemetryValidationRules,
  ...workloadEntryValidationRules,
  ...workloadGroupValidationRules
];

// src/rules/validation/schema/rules.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/rules/validation/schema/istio-schemas.gen.ts
var ISTIO_SCHEMA_JSON = '{"source":"@kubernetes-models/istio 3.0.1 (Istio 1.29 CRDs); TrafficExtension assembled from WasmPlugin parts","istio":"1.29","kinds":{"extensions.istio.io":{"TrafficExtension":{"v1alpha1":32},"WasmPlugin":{"v1alpha1":35}},"networking.istio.io":{"DestinationRule":{"v1":77,"v1alpha3":77,"v1beta1":77},"EnvoyFilter":{"v1alpha3":100},"Gateway":{"v1":111,"v1alpha3":111,"v1beta1":111},"ProxyConfig":{"v1beta1":115},"ServiceEntry":{"v1":130,"v1alpha3":130,"v1beta1":130},"Sidecar":{"v1":141,"v1alpha3":141,"v1beta1":141},"VirtualService":{"v1":181,"v1alpha3":181,"v1beta1":181},"WorkloadEntry":{"v1":182,"v1alpha3":182,"v1beta1":182},"WorkloadGroup":{"v1":194,"v1alpha3":194,"v1beta1":194}},"security.istio.io":{"AuthorizationPolicy":{"v1":209,"v1beta1":209},"PeerAuthentication":{"v1":214,"v1beta1":214},"RequestAuthentication":{"v1":225,"v1beta1":225}},"telemetry.istio.io":{"Telemetry":{"v1":249,"v1alpha1":249}}},"nodes":[{"t":"s","minL":1,"maxL":65536},{"t":"o","p":{"inlineCode":0},"r":["inlineCode"]},{"t":"s","e":["CLIENT_AND_SERVER","CLIENT","SERVER","UNDEFINED"]},{"t":"i","max":65535,"min":1},{"t":"o","p":{"number":3},"r":["number"]},{"t":"a","it":4},{"t":"o","p":{"mode":2,"ports":5}},{"t":"a","it":6},{"t":"s"},{"t":"i"},{"t":"s","maxL":63},{"t":"o","ap":10,"maxP":4096},{"t":"o","p":{"matchLabels":11}},{"t":"s","maxL":253,"pat":"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"},{"t":"s","maxL":63,"minL":1,"pat":"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$"},{"t":"s","maxL":253,"minL":1},{"t":"o","p":{"group":13,"kind":14,"name":15,"namespace":8},"r":["kind","name"]},{"t":"a","it":16,"maxI":16},{"t":"s","e":["FAIL_CLOSE","FAIL_OPEN","FAIL_RELOAD"]},{"t":"s","e":["UNSPECIFIED_POLICY","IfNotPresent","Always"]},{"t":"any"},{"t":"s","maxL":256,"minL":1},{"t":"s","pat":"(^$|^[a-f0-9]{64}$)"},{"t":"s","e":["UNSPECIFIED_PLUGIN_TYPE","HTTP","NETWORK"]},{"t":"s","minL":1},{"t":"s","maxL":2048},{"t":"s","e":["INLINE","HOST"]},{"t":"o","p":{"name":21,"value":25,"valueFrom":26},"r":["name"]},{"t":"a","it":27,"maxI":256},{"t":"o","p":{"env":28}},{"t":"o","p":{"failStrategy":18,"imagePullPolicy":19,"imagePullSecret":15,"pluginConfig":20,"pluginName":21,"sha256":22,"type":23,"url":24,"verificationKey":8,"vmConfig":29},"r":["url"]},{"t":"o","p":{"lua":1,"match":7,"phase":8,"priority":9,"selector":12,"targetRefs":17,"wasm":30}},{"t":"o","p":{"spec":31},"r":["spec"]},{"t":"s","e":["AUTHN","AUTHZ","STATS","UNSPECIFIED_PHASE"]},{"t":"o","p":{"failStrategy":18,"imagePullPolicy":19,"imagePullSecret":15,"match":7,"phase":33,"pluginConfig":20,"pluginName":21,"priority":9,"selector":12,"sha256":22,"targetRef":16,"targetRefs":17,"type":23,"url":24,"verificationKey":8,"vmConfig":29},"r":["url"]},{"t":"o","p":{"spec":34},"r":["spec"]},{"t":"a","it":8},{"t":"o","ap":8},{"t":"s","e":["DEFAULT","DO_NOT_UPGRADE","UPGRADE"]},{"t":"b"},{"t":"o","p":{"h2UpgradePolicy":38,"http1MaxPendingRequests":9,"http2MaxRequests":9,"idleTimeout":8,"maxConcurrentStreams":9,"maxRequestsPerConnection":9,"maxRetries":9,"useClientProtocol":39}},{"t":"i","max":4294967295,"min":0},{"t":"o","p":{"interval":8,"probes":41,"time":8}},{"t":"o","p":{"connectTimeout":8,"idleTimeout":8,"maxConnectionDuration":8,"maxConnections":9,"tcpKeepalive":42}},{"t":"o","p":{"http":40,"tcp":43}},{"t":"o","p":{"name":8,"value":8},"r":["name"]},{"t":"a","it":45},{"t":"o","p":{"attributes":46,"name":8,"path":8,"ttl":8},"r":["name"]},{"t":"i","min":0},{"t":"o","p":{"tableSize":48}},{"t":"o","p":{"minimumRingSize":48}},{"t":"o","p":{"httpCookie":47,"httpHeaderName":8,"httpQueryParameterName":8,"maglev":49,"minimumRingSize":48,"ringHash":50,"useSourceIp":39},"x":[["httpCookie","httpHeaderName"],["httpCookie","httpQueryParameterName"],["httpCookie","useSourceIp"],["httpHeaderName","httpQueryParameterName"],["httpHeaderName","useSourceIp"],["httpQueryParameterName","useSourceIp"],["maglev","ringHash"]]},{"t":"o","ap":41},{"t":"o","p":{"from":8,"to":52}},{"t":"a","it":53},{"t":"o","p":{"from":8,"to":8}},{"t":"a","it":55},{"t":"o","p":{"distribute":54,"enabled":39,"failover":56,"failoverPriority":36}},{"t":"s","e":["UNSPECIFIED","LEAST_CONN","RANDOM","PASSTHROUGH","ROUND_ROBIN","LEAST_REQUEST"]},{"t":"n","min":0},{"t":"n","max":100,"min":0},{"t":"o","p":{"aggression":59,"duration":8,"minimumPercent":60},"r":["duration"]},{"t":"o","p":{"consistentHash":51,"localityLbSetting":57,"simple":58,"warmup":61,"warmupDurationSecs":8},"x":[["consistentHash","simple"]]},{"t":"o","p":{"baseEjectionTime":8,"consecutive5xxErrors":41,"consecutiveErrors":9,"consecutiveGatewayErrors":41,"consecutiveLocalOriginFailures":41,"interval":8,"maxEjectionPercent":9,"minHealthPercent":9,"splitExternalLocalOriginErrors":39}},{"t":"o","p":{"number":41}},{"t":"s","e":["DISABLE","SIMPLE","MUTUAL","ISTIO_MUTUAL"]},{"t":"o","p":{"caCertificates":8,"caCrl":8,"clientCertificate":8,"credentialName":8,"insecureSkipVerify":39,"mode":65,"privateKey":8,"sni":8,"subjectAltNames":36}},{"t":"o","p":{"connectionPool":44,"loadBalancer":62,"outlierDetection":63,"port":64,"tls":66}},{"t":"a","it":67,"maxI":4096},{"t":"s","e":["V1","V2"]},{"t":"o","p":{"version":69}},{"t":"o","p":{"minRetryConcurrency":41,"percent":60}},{"t":"o","p":{"protocol":8,"targetHost":8,"targetPort":41},"r":["targetHost","targetPort"]},{"t":"o","p":{"connectionPool":44,"loadBalancer":62,"outlierDetection":63,"portLevelSettings":68,"proxyProtocol":70,"retryBudget":71,"tls":66,"tunnel":72}},{"t":"o","p":{"labels":37,"name":8,"trafficPolicy":73},"r":["name"]},{"t":"a","it":74},{"t":"o","p":{"exportTo":36,"host":8,"subsets":75,"trafficPolicy":73,"workloadSelector":12},"r":["host"]},{"t":"o","p":{"spec":76}},{"t":"s","e":["INVALID","LISTENER","FILTER_CHAIN","NETWORK_FILTER","HTTP_FILTER","ROUTE_CONFIGURATION","VIRTUAL_HOST","HTTP_ROUTE","CLUSTER","EXTENSION_CONFIG","BOOTSTRAP","LISTENER_FILTER"]},{"t":"o","p":{"name":8,"portNumber":41,"service":8,"subset":8}},{"t":"s","e":["ANY","SIDECAR_INBOUND","SIDECAR_OUTBOUND","GATEWAY","WAYPOINT"]},{"t":"o","p":{"name":8}},{"t":"o","p":{"name":8,"subFilter":81}},{"t":"o","p":{"applicationProtocols":8,"destinationPort":41,"filter":82,"name":8,"sni":8,"transportProtocol":8}},{"t":"o","p":{"filterChain":83,"listenerFilter":8,"name":8,"portName":8,"portNumber":41}},{"t":"o","p":{"metadata":37,"proxyVersion":8}},{"t":"s","e":["ANY","ROUTE","REDIRECT","DIRECT_RESPONSE"]},{"t":"o","p":{"action":86,"name":8}},{"t":"o","p":{"domainName":8,"name":8,"route":87}},{"t":"o","p":{"gateway":8,"name":8,"portName":8,"portNumber":41,"vhost":88}},{"t":"o","p":{"filter":82,"portNumber":41,"route":81}},{"t":"o","p":{"cluster":79,"context":80,"listener":84,"proxy":85,"routeConfiguration":89,"waypoint":90},"x":[["cluster","listener"],["cluster","routeConfiguration"],["cluster","waypoint"],["listener","routeConfiguration"],["listener","waypoint"],["routeConfiguration","waypoint"]]},{"t":"s","e":["UNSPECIFIED","AUTHN","AUTHZ","STATS"]},{"t":"s","e":["INVALID","MERGE","ADD","REMOVE","INSERT_BEFORE","INSERT_AFTER","INSERT_FIRST","REPLACE"]},{"t":"o","p":{"filterClass":92,"operation":93,"value":20}},{"t":"o","p":{"applyTo":78,"match":91,"patch":94}},{"t":"a","it":95},{"t":"o","ap":10,"maxP":256},{"t":"o","p":{"labels":97}},{"t":"o","p":{"configPatches":96,"priority":9,"targetRefs":17,"workloadSelector":98}},{"t":"o","p":{"spec":99}},{"t":"o","p":{"name":8,"number":41,"protocol":8,"targetPort":41},"r":["name","number","protocol"]},{"t":"a","it":8,"maxI":2,"minI":1},{"t":"s","e":["TLS_AUTO","TLSV1_0","TLSV1_1","TLSV1_2","TLSV1_3"]},{"t":"s","e":["PASSTHROUGH","SIMPLE","MUTUAL","ISTIO_MUTUAL","AUTO_PASSTHROUGH","OPTIONAL_MUTUAL"]},{"t":"o","p":{"caCertificates":8,"privateKey":8,"serverCertificate":8}},{"t":"a","it":105,"maxI":2,"minI":1},{"t":"o","p":{"caCertCredentialName":8,"caCertificates":8,"caCrl":8,"cipherSuites":36,"credentialName":8,"credentialNames":102,"httpsRedirect":39,"maxProtocolVersion":103,"minProtocolVersion":103,"mode":104,"privateKey":8,"serverCertificate":8,"subjectAltNames":36,"tlsCertificates":106,"verifyCertificateHash":36,"verifyCertificateSpki":36}},{"t":"o","p":{"bind":8,"defaultEndpoint":8,"hosts":36,"name":8,"port":101,"tls":107},"r":["hosts","port"]},{"t":"a","it":108},{"t":"o","p":{"selector":37,"servers":109}},{"t":"o","p":{"spec":110}},{"t":"o","ap":25},{"t":"o","p":{"imageType":8}},{"t":"o","p":{"concurrency":48,"environmentVariables":112,"image":113,"selector":12}},{"t":"o","p":{"spec":114}},{"t":"s","maxL":64},{"t":"a","it":116,"maxI":256},{"t":"s","maxL":256},{"t":"o","ap":8,"maxP":256},{"t":"o","ap":41,"maxP":128},{"t":"s","maxL":253},{"t":"o","p":{"address":118,"labels":119,"locality":25,"network":25,"ports":120,"serviceAccount":121,"weight":41}},{"t":"a","it":122,"maxI":4096},{"t":"a","it":8,"maxI":256,"minI":1},{"t":"s","e":["MESH_EXTERNAL","MESH_INTERNAL"]},{"t":"o","p":{"name":118,"number":41,"protocol":118,"targetPort":41},"r":["name","number"]},{"t":"a","it":126,"maxI":256},{"t":"s","e":["NONE","STATIC","DNS","DNS_ROUND_ROBIN","DYNAMIC_DNS"]},{"t":"o","p":{"addresses":117,"endpoints":123,"exportTo":36,"hosts":124,"location":125,"ports":127,"resolution":128,"subjectAltNames":36,"workloadSelector":98},"r":["hosts"]},{"t":"o","p":{"spec":129},"r":["spec"]},{"t":"s","e":["DEFAULT","NONE","IPTABLES"]},{"t":"o","p":{"name":8,"number":41,"protocol":8,"targetPort":41}},{"t":"o","p":{"bind":8,"captureMode":131,"hosts":36,"port":132},"r":["hosts"]},{"t":"a","it":133},{"t":"o","p":{"bind":8,"captureMode":131,"connectionPool":44,"defaultEndpoint":8,"port":132,"tls":107},"r":["port"]},{"t":"a","it":135},{"t":"o","p":{"host":8,"port":64,"subset":8},"r":["host"]},{"t":"s","e":["REGISTRY_ONLY","ALLOW_ANY"]},{"t":"o","p":{"egressProxy":137,"mode":138}},{"t":"o","p":{"egress":134,"inboundConnectionPool":44,"ingress":136,"outboundTrafficPolicy":139,"workloadSelector":98}},{"t":"o","p":{"spec":140}},{"t":"o","p":{"exact":8,"prefix":8,"regex":8},"x":[["exact","prefix"],["exact","regex"],["prefix","regex"]]},{"t":"a","it":142},{"t":"s","e":["UNSPECIFIED","FORWARD","IGNORE"]},{"t":"o","p":{"allowCredentials":39,"allowHeaders":36,"allowMethods":36,"allowOrigin":36,"allowOrigins":143,"exposeHeaders":36,"maxAge":8,"unmatchedPreflights":144}},{"t":"o","p":{"name":8,"namespace":8}},{"t":"o","p":{"bytes":8,"string":8},"x":[["bytes","string"]]},{"t":"o","p":{"body":147,"status":41},"r":["status"]},{"t":"n"},{"t":"o","p":{"value":149}},{"t":"o","p":{"grpcStatus":8,"http2Error":8,"httpStatus":9,"percentage":150},"x":[["grpcStatus","http2Error"],["grpcStatus","httpStatus"],["http2Error","httpStatus"]]},{"t":"o","p":{"exponentialDelay":8,"fixedDelay":8,"percent":9,"percentage":150},"x":[["exponentialDelay","fixedDelay"]]},{"t":"o","p":{"abort":151,"delay":152}},{"t":"o","p":{"add":37,"remove":36,"set":37}},{"t":"o","p":{"request":154,"response":154}},{"t":"o","ap":142},{"t":"o","p":{"authority":142,"gateways":36,"headers":156,"ignoreUriCase":39,"method":142,"name":8,"port":41,"queryParams":156,"scheme":142,"sourceLabels":37,"sourceNamespace":8,"statPrefix":8,"uri":142,"withoutHeaders":156}},{"t":"a","it":157},{"t":"o","p":{"destination":137,"percentage":150},"r":["destination"]},{"t":"a","it":159},{"t":"s","e":["FROM_PROTOCOL_DEFAULT","FROM_REQUEST_PORT"]},{"t":"o","p":{"authority":8,"derivePort":161,"port":41,"redirectCode":41,"scheme":8,"uri":8},"x":[["derivePort","port"]]},{"t":"o","p":{"attempts":9,"backoff":8,"perTryTimeout":8,"retryIgnorePreviousHosts":39,"retryOn":8,"retryRemoteLocalities":39}},{"t":"o","p":{"match":8,"rewrite":8}},{"t":"o","p":{"authority":8,"uri":8,"uriRegexRewrite":164}},{"t":"o","p":{"destination":137,"headers":155,"weight":9},"r":["destination"]},{"t":"a","it":166},{"t":"o","p":{"corsPolicy":145,"delegate":146,"directResponse":148,"fault":153,"headers":155,"match":158,"mirror":137,"mirrorPercent":41,"mirrorPercentage":150,"mirror_percent":41,"mirrors":160,"name":8,"redirect":162,"retries":163,"rewrite":165,"route":167,"timeout":8}},{"t":"a","it":168},{"t":"o","p":{"destinationSubnets":36,"gateways":36,"port":41,"sourceLabels":37,"sourceNamespace":8,"sourceSubnet":8}},{"t":"a","it":170},{"t":"o","p":{"destination":137,"weight":9},"r":["destination"]},{"t":"a","it":172},{"t":"o","p":{"match":171,"route":173}},{"t":"a","it":174},{"t":"o","p":{"destinationSubnets":36,"gateways":36,"port":41,"sniHosts":36,"sourceLabels":37,"sourceNamespace":8},"r":["sniHosts"]},{"t":"a","it":176},{"t":"o","p":{"match":177,"route":173},"r":["match"]},{"t":"a","it":178},{"t":"o","p":{"exportTo":36,"gateways":36,"hosts":36,"http":169,"tcp":175,"tls":179}},{"t":"o","p":{"spec":180}},{"t":"o","p":{"spec":122},"r":["spec"]},{"t":"o","p":{"annotations":119,"labels":119}},{"t":"a","it":24},{"t":"o","p":{"command":184},"r":["command"]},{"t":"o","p":{"port":41,"service":8}},{"t":"s","pat":"^[-_A-Za-z0-9]+$"},{"t":"o","p":{"name":187,"value":8}},{"t":"a","it":188},{"t":"o","p":{"host":8,"httpHeaders":189,"path":8,"port":41,"scheme":8},"r":["port"]},{"t":"o","p":{"host":8,"port":41},"r":["port"]},{"t":"o","p":{"exec":185,"failureThreshold":48,"grpc":186,"httpGet":190,"initialDelaySeconds":48,"periodSeconds":48,"successThreshold":48,"tcpSocket":191,"timeoutSeconds":48},"x":[["exec","grpc"],["exec","httpGet"],["exec","tcpSocket"],["grpc","httpGet"],["grpc","tcpSocket"],["httpGet","tcpSocket"]]},{"t":"o","p":{"metadata":183,"probe":192,"template":122},"r":["template"]},{"t":"o","p":{"spec":193},"r":["spec"]},{"t":"s","e":["ALLOW","DENY","AUDIT","CUSTOM"]},{"t":"s","maxL":320},{"t":"a","it":196,"maxI":16},{"t":"o","p":{"ipBlocks":36,"namespaces":36,"notIpBlocks":36,"notNamespaces":36,"notPrincipals":36,"notRemoteIpBlocks":36,"notRequestPrincipals":36,"notServiceAccounts":197,"principals":36,"remoteIpBlocks":36,"requestPrincipals":36,"serviceAccounts":197}},{"t":"o","p":{"source":198}},{"t":"a","it":199,"maxI":512},{"t":"o","p":{"hosts":36,"methods":36,"notHosts":36,"notMethods":36,"notPaths":36,"notPorts":36,"paths":36,"ports":36}},{"t":"o","p":{"operation":201}},{"t":"a","it":202},{"t":"o","p":{"key":8,"notValues":36,"values":36},"r":["key"]},{"t":"a","it":204},{"t":"o","p":{"from":200,"to":203,"when":205}},{"t":"a","it":206,"maxI":512},{"t":"o","p":{"action":195,"provider":81,"rules":207,"selector":12,"targetRef":16,"targetRefs":17}},{"t":"o","p":{"spec":208}},{"t":"s","e":["DISABLE","UNSET","PERMISSIVE","STRICT"]},{"t":"o","p":{"mode":210}},{"t":"o","ap":211},{"t":"o","p":{"mtls":211,"portLevelMtls":212,"selector":12}},{"t":"o","p":{"spec":213}},{"t":"o","p":{"name":24,"prefix":8},"r":["name"]},{"t":"a","it":215},{"t":"s","maxL":2048,"minL":1},{"t":"s","minL":1,"pat":"^[-_A-Za-z0-9]+$"},{"t":"o","p":{"claim":24,"header":218},"r":["claim","header"]},{"t":"a","it":219},{"t":"a","it":24,"maxI":64},{"t":"o","p":{"audiences":184,"forwardOriginalToken":39,"fromCookies":184,"fromHeaders":216,"fromParams":184,"issuer":24,"jwks":8,"jwksUri":217,"jwks_uri":217,"outputClaimToHeaders":220,"outputPayloadToHeader":8,"spaceDelimitedClaims":221,"timeout":8}},{"t":"a","it":222,"maxI":4096},{"t":"o","p":{"jwtRules":223,"selector":12,"targetRef":16,"targetRefs":17}},{"t":"o","p":{"spec":224}},{"t":"o","p":{"expression":8}},{"t":"s","e":["CLIENT_AND_SERVER","CLIENT","SERVER"]},{"t":"o","p":{"mode":227}},{"t":"o","p":{"name":24},"r":["name"]},{"t":"a","it":229},{"t":"o","p":{"disabled":39,"filter":226,"match":228,"providers":230}},{"t":"a","it":231},{"t":"s","e":["ALL_METRICS","REQUEST_COUNT","REQUEST_DURATION","REQUEST_SIZE","RESPONSE_SIZE","TCP_OPENED_CONNECTIONS","TCP_CLOSED_CONNECTIONS","TCP_SENT_BYTES","TCP_RECEIVED_BYTES","GRPC_REQUEST_MESSAGES","GRPC_RESPONSE_MESSAGES"]},{"t":"o","p":{"customMetric":24,"metric":233,"mode":227},"x":[["customMetric","metric"]]},{"t":"s","e":["REMOVE","UPSERT"]},{"t":"o","p":{"operation":235,"value":8}},{"t":"o","ap":236},{"t":"o","p":{"disabled":39,"match":234,"tagOverrides":237}},{"t":"a","it":238},{"t":"o","p":{"overrides":239,"providers":230,"reportingInterval":8}},{"t":"a","it":240},{"t":"o","p":{"defaultValue":8,"name":24},"r":["name"]},{"t":"o","p":{"value":24},"r":["value"]},{"t":"o","p":{"environment":242,"formatter":243,"header":242,"literal":243},"x":[["environment","formatter"],["environment","header"],["environment","literal"],["formatter","header"],["formatter","literal"],["header","literal"]]},{"t":"o","ap":244},{"t":"o","p":{"customTags":245,"disableSpanReporting":39,"enableIstioTags":39,"match":228,"providers":230,"randomSamplingPercentage":60,"useRequestIdForTraceSampling":39}},{"t":"a","it":246},{"t":"o","p":{"accessLogging":232,"metrics":241,"selector":12,"targetRef":16,"targetRefs":17,"tracing":247}},{"t":"o","p":{"spec":248}}]}';

// src/rules/validation/schema/schema-tree.ts
function blankNode(t) {
  return { t, props: null, names: [], required: [], values: null, items: null, enum: null, exclusive: null };
}
var loaded = null;
function load() {
  if (loaded) return loaded;
  const data = JSON.parse(ISTIO_SCHEMA_JSON);
  const nodes = data.nodes.map((c) => blankNode(c.t));
  data.nodes.forEach((c, i) => {
    const n = nodes[i];
    if (c.p) {
      n.props = new Map(Object.entries(c.p).map(([k, v]) => [k, nodes[v]]));
      n.names = Object.keys(c.p);
    }
    n.required = c.r ?? [];
    n.values = c.ap !== void 0 ? nodes[c.ap] : null;
    n.items = c.it !== void 0 ? nodes[c.it] : null;
    n.enum = c.e ?? null;
    n.exclusive = c.x ?? null;
    for (const k of ["min", "max", "minL", "maxL", "minI", "maxI", "maxP"]) if (c[k] !== void 0) n[k] = c[k];
    if (c.pat !== void 0) {
      try {
        n.pattern = new RegExp(c.pat, "u");
      } catch {
      }
    }
  });
  loaded = { kinds: data.kinds, nodes, source: data.source, istio: data.istio };
  return loaded;
}
var stringNode = () => blankNode("s");
function objectNode(props, required = []) {
  const n = blankNode("o");
  n.props = new Map(Object.entries(props));
  n.names = Object.keys(props);
  n.required = required;
  return n;
}
function mapOf2(values) {
  const n = blankNode("o");
  n.values = values;
  return n;
}
function listOf(items) {
  const n = blankNode("a");
  n.items = items;
  return n;
}
var objectMeta = objectNode({
  name: stringNode(),
  generateName: stringNode(),
  namespace: stringNode(),
  selfLink: stringNode(),
  uid: stringNode(),
  resourceVersion: stringNode(),
  generation: blankNode("i"),
  creationTimestamp: blankNode("any"),
  deletionTimestamp: blankNode("any"),
  deletionGracePeriodSeconds: blankNode("i"),
  labels: mapOf2(stringNode()),
  annotations: mapOf2(stringNode()),
  ownerReferences: listOf(blankNode("any")),
  finalizers: listOf(stringNode()),
  managedFields: listOf(blankNode("any"))
});
var roots = /* @__PURE__ */ new Map();
function schemaFor(group6, kind, version) {
  const key = `${group6}/${kind}/${version}`;
  const cached = roots.get(key);
  if (cached !== void 0) return cached;
  const data = load();
  const idx = data.kinds[group6]?.[kind]?.[version];
  let root = null;
  if (idx !== void 0) {
    const crd = data.nodes[idx];
    const props = {
      apiVersion: stringNode(),
      kind: stringNode(),
      metadata: objectMeta,
      status: blankNode("any")
    };
    for (const [k, v] of crd.props ?? []) props[k] = v;
    root = objectNode(props, crd.required);
  }
  roots.set(key, root);
  return root;
}
function schemaIstioVersion() {
  return load().istio;
}
function newerThanSchemas(version) {
  const minor = (v) => {
    const m = /^v?(\d+)\.(\d+)/.exec(v);
    return m ? Number(m[1]) * 1e3 + Number(m[2]) : null;
  };
  const a = minor(version);
  const b = minor(schemaIstioVersion());
  return a !== null && b !== null && a > b;
}

// src/rules/validation/schema/walk.ts
var MAX_PROBLEMS = 25;
function describeType(t) {
  switch (t) {
    case "s":
      return "a string";
    case "i":
      return "an integer";
    case "n":
      return "a number";
    case "b":
      return "a boolean";
    case "o":
      return "an object";
    case "a":
      return "a list";
    case "is":
      return "an integer or a string";
    default:
      return "any value";
  }
}
function describeValue(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  switch (typeof v) {
    case "string":
      return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "\u2026" : v)}`;
    case "number":
      return `the number ${v}`;
    case "boolean":
      return `the boolean ${v}`;
    default:
      return "an object";
  }
}
function typeMatches(t, v) {
  switch (t) {
    case "s":
      return typeof v === "string";
    case "i":
      return typeof v === "number" && Number.isInteger(v);
    case "n":
      return typeof v === "number" && Number.isFinite(v);
    case "b":
      return typeof v === "boolean";
    case "o":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "a":
      return Array.isArray(v);
    case "is":
      return typeof v === "string" || typeof v === "number" && Number.isInteger(v);
    default:
      return true;
  }
}
function codePoints(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 55296 && c <= 56319 && i + 1 < s.length) i++;
    n++;
  }
  return n;
}
function coerce(t, v) {
  if (typeof v !== "string") return null;
  if ((t === "i" || t === "n") && /^(0|[1-9][0-9]{0,9})$/.test(v)) return Number(v);
  if (t === "b" && (v === "true" || v === "false")) return v === "true";
  return null;
}
function nearest(word, candidates) {
  if (word.length > 80) return { best: null, unambiguous: false };
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best = null;
  let bestD = Infinity;
  let ties = 0;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
      ties = 1;
    } else if (d === bestD) ties++;
  }
  if (best === null || bestD > limit) return { best: null, unambiguous: false };
  return { best, unambiguous: ties === 1 };
}
function fieldBelow(node, key) {
  let level = [[node, ""]];
  for (let depth = 0; depth < 2; depth++) {
    const found = [];
    const next = [];
    for (const [n, prefix] of level) {
      for (const [name, child] of n.props ?? []) {
        const target = child.t === "a" && child.items ? child.items : child;
        const here = (prefix === "" ? name : `${prefix}.${name}`) + (child.t === "a" ? "[]" : "");
        if (target.props?.has(key)) found.push(here);
        if (target.props) next.push([target, here]);
      }
    }
    if (found.length > 0) return found.length === 1 ? found[0] : null;
    level = next;
  }
  return null;
}
function walkSchema(value, root) {
  const out = [];
  const path5 = [];
  const push2 = (p) => {
    if (out.length < MAX_PROBLEMS) out.push(p);
  };
  const visit = (v, node, inMapValue = false) => {
    if (out.length >= MAX_PROBLEMS || node.t === "any") return;
    if (v instanceof Date) {
      if (node.t !== "s" && node.t !== "is") push2({ kind: "type", path: [...path5], expected: describeType(node.t), got: "a date", fixValue: null, quotable: false, wrap: false, portNumber: null, matchKinds: null });
      return;
    }
    if (!typeMatches(node.t, v)) {
      const quotable = node.t === "s" && (typeof v === "number" || typeof v === "boolean") && (typeof path5[path5.length - 1] === "number" || inMapValue);
      const wrap = node.t === "a" && node.items?.t === "s" && typeof v === "string" && typeof path5[path5.length - 1] === "string";
      const portNumber = node.t === "o" && node.props?.has("number") && node.required.every((f) => f === "number") && typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 65535 && typeof path5[path5.length - 1] === "string" ? v : null;
      const matchKinds = node.t === "o" && typeof v === "string" && node.props?.has("exact") && node.props.has("prefix") ? node.names : null;
      push2({ kind: "type", path: [...path5], expected: describeType(node.t), got: describeValue(v), fixValue: coerce(node.t, v), quotable, wrap, portNumber, matchKinds });
      return;
    }
    switch (node.t) {
      case "s": {
        const s = v;
        if (node.enum && !node.enum.includes(s)) {
          const ci = node.enum.filter((e) => e.toLowerCase() === s.toLowerCase());
          const near = ci.length === 0 ? nearest(s, node.enum) : { best: null };
          push2({ kind: "enum", path: [...path5], value: s, allowed: node.enum, caseFix: ci.length === 1 ? ci[0] : null, suggestion: near.best });
        }
        let tooLong = false;
        if (node.maxL !== void 0 && s.length > node.maxL) {
          const count = s.length <= 1e5 ? codePoints(s) : null;
          tooLong = count === null || count > node.maxL;
          if (tooLong) push2({ kind: "value", path: [...path5], detail: `is ${count ?? "over 50,000"} characters long; at most ${node.maxL} are allowed` });
        }
        if (node.minL !== void 0 && s.length < node.minL * 2 && codePoints(s) < node.minL) {
          push2({ kind: "value", path: [...path5], detail: s.length === 0 ? "must not be empty" : `must be at least ${node.minL} characters long` });
        }
        if (node.pattern && !tooLong && s.length <= 4096 && !node.pattern.test(s)) {
          push2({ kind: "value", path: [...path5], detail: `"${s.length > 60 ? s.slice(0, 60) + "\u2026" : s}" does not match the pattern ${node.pattern.source}` });
        }
        return;
      }
      case "i":
      case "n": {
        const n = v;
        if (node.max !== void 0 && n > node.max) push2({ kind: "value", path: [...path5], detail: `is ${n}; the maximum is ${node.max}` });
        if (node.min !== void 0 && n < node.min) push2({ kind: "value", path: [...path5], detail: `is ${n}; the minimum is ${node.min}` });
        return;
      }
      case "a": {
        const arr2 = v;
        if (node.maxI !== void 0 && arr2.length > node.maxI) push2({ kind: "value", path: [...path5], detail: `has ${arr2.length} items; at most ${node.maxI} are allowed` });
        if (node.minI !== void 0 && arr2.length < node.minI) push2({ kind: "value", path: [...path5], detail: arr2.length === 0 ? "must not be empty" : `must have at least ${node.minI} items` });
        const items = node.items;
        if (!items || items.t === "any") return;
        for (let i = 0; i < arr2.length && out.length < MAX_PROBLEMS; i++) {
          path5.push(i);
          visit(arr2[i], items);
          path5.pop();
        }
        return;
      }
      case "o": {
        const obj2 = v;
        if (node.props) {
          for (const key of Object.keys(obj2)) {
            if (out.length >= MAX_PROBLEMS) return;
            const child = node.props.get(key);
            path5.push(key);
            if (!child) {
              const camel = key.includes("_") ? key.replace(/_+([a-zA-Z0-9])/g, (_m, c) => c.toUpperCase()) : null;
              const near = camel && node.props.has(camel) ? { best: camel, unambiguous: true } : nearest(key, node.names);
              const taken = near.best !== null && Object.prototype.hasOwnProperty.call(obj2, near.best);
              push2({ kind: "unknown", path: [...path5], key, suggestion: near.best, unambiguous: near.unambiguous && !taken, belongsUnder: near.best ? null : fieldBelow(node, key) });
            } else if (obj2[key] !== null) {
              visit(obj2[key], child);
            }
            path5.pop();
          }
          if (node.exclusive) {
            const set = (k) => Object.prototype.hasOwnProperty.call(obj2, k) && obj2[k] !== null;
            const clash = node.exclusive.filter(([a, b]) => set(a) && set(b));
            if (clash.length > 0) {
              const fields = Object.keys(obj2).filter((k) => clash.some(([a, b]) => a === k || b === k));
              push2({ kind: "oneof", path: [...path5, fields[fields.length - 1]], fields });
            }
          }
          for (const req of node.required) {
            const present2 = Object.prototype.hasOwnProperty.call(obj2, req) && obj2[req] !== null;
            if (!present2) push2({ kind: "required", path: [...path5], field: req });
          }
        } else if (node.values && node.values.t !== "any") {
          const count = node.maxP !== void 0 ? Object.keys(obj2).length : 0;
          if (node.maxP !== void 0 && count > node.maxP) push2({ kind: "value", path: [...path5], detail: `has ${count} entries; at most ${node.maxP} are allowed` });
          for (const key of Object.keys(obj2)) {
            if (out.length >= MAX_PROBLEMS) return;
            if (obj2[key] === null) continue;
            path5.push(key);
            visit(obj2[key], node.values, true);
            path5.pop();
          }
        }
        return;
      }
      default:
        return;
    }
  };
  if (value !== void 0) visit(value, root);
  return out;
}
function dotted(path5) {
  let s = "";
  for (const seg of path5) s += typeof seg === "number" ? `[${seg}]` : s === "" ? seg : `.${seg}`;
  return s;
}
function subjectPath(path5) {
  let s = "";
  for (const seg of path5) s += typeof seg === "number" ? "[]" : s === "" ? seg : `.${seg}`;
  return s;
}

// src/rules/validation/schema/rules.ts
var cache3 = /* @__PURE__ */ new WeakMap();
function problemsOf(r) {
  let found = cache3.get(r);
  if (found) return found;
  const root = isIstioGroup(r.group) ? schemaFor(r.group, r.kind, r.version) : null;
  found = root ? walkSchema(r.obj, root) : [];
  cache3.set(r, found);
  return found;
}
function* problems(ctx, kind) {
  for (const r of ctx.mesh.resources) {
    if (!isIstioGroup(r.group)) continue;
    const partial = kind === "required" && looksLikePatch(r);
    if (partial) continue;
    for (const p of problemsOf(r)) if (p.kind === kind) yield [r, p];
  }
}
function plainScalarText(r, path5) {
  try {
    const { node, depth } = nodeAt(r.doc, [...r.basePath, ...path5]);
    if (depth !== r.basePath.length + path5.length || !node || !(0, import_yaml6.isScalar)(node) || node.type !== import_yaml6.Scalar.PLAIN || !node.range) return null;
    const text = r.file.text.slice(node.range[0], node.range[1]).trim();
    return /^[^\s#'"]+$/.test(text) ? text : null;
  } catch {
    return null;
  }
}
var FORMATTED_FIELDS = /* @__PURE__ */ new Set(["hosts", "host", "gateways", "exportTo", "addresses", "address", "sni", "subjectAltNames"]);
var REJECTED2 = "kubectl apply rejects the resource (and an Argo CD or Flux sync fails)";
var schemaCheckRules = [
  defineRule({
    id: "schema-unknown-field",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: true,
    title: 'A field that the Istio CRD schema does not declare (often a typo such as "mod" for "mode").',
    check(ctx) {
      for (const [r, p] of problems(ctx, "unknown")) {
        const parent = dotted(p.path.slice(0, -1));
        const where = parent === "" ? "at the top level" : `in ${parent}`;
        let hint = p.suggestion ? ` Did you mean "${p.suggestion}"?` : p.belongsUnder ? ` "${p.key}" is a field of ${dotted(p.path.slice(0, -1))}${parent === "" ? "" : "."}${p.belongsUnder}: move it there.` : "";
        if (!p.suggestion && newerThanSchemas(ctx.mesh.settings.istioVersion)) {
          hint += ` (Checked against Istio ${schemaIstioVersion()}'s CRDs; if "${p.key}" is new in Istio ${ctx.mesh.settings.istioVersion}, suppress this finding.)`;
        }
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath(p.path),
          message: `Unknown field "${p.key}" ${where} of ${r.kind} (${r.apiVersion}): ${REJECTED2} with ".${dotted(p.path)}: field not declared in schema"; without strict field validation the field is silently dropped and has no effect.${hint}`,
          fix: p.suggestion && p.unambiguous ? { op: "renameKey", path: p.path, newKey: p.suggestion, description: `rename "${p.key}" to "${p.suggestion}"` } : null
        });
      }
    }
  }),
  defineRule({
    id: "schema-wrong-type",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: true,
    title: "A field holds the wrong type for the Istio CRD schema (a string for a list, a quoted number, null in a list).",
    check(ctx) {
      for (const [r, p] of problems(ctx, "type")) {
        const field = String(p.path[p.path.length - 1]);
        let fixText = "";
        let fix = null;
        const constrained = p.path.some((seg) => typeof seg === "string" && FORMATTED_FIELDS.has(seg));
        if (p.fixValue !== null) {
          fixText = ` Write ${String(p.fixValue)} without quotes.`;
          fix = { op: "set", path: p.path, value: p.fixValue, description: `${field}: ${String(p.fixValue)}` };
        } else if (p.portNumber !== null) {
          fixText = ` Write ${field}: {number: ${p.portNumber}}.`;
          fix = { op: "replaceEntry", path: p.path, newKey: field, value: { number: p.portNumber }, description: `${field}: {number: ${p.portNumber}}` };
        } else if (p.matchKinds) {
          fixText = ` Say how to match: ${p.matchKinds.map((k) => `{${k}: ...}`).join(", ")}.`;
        } else if (p.wrap) {
          const item = getPath(r.obj, p.path);
          if (typeof item === "string" && item.trim() !== "" && (!constrained || /^[A-Za-z0-9*~.][^\s]*[./][A-Za-z0-9*]/.test(item))) {
            fixText = ` Write it as a list: [${item}].`;
            fix = { op: "replaceEntry", path: p.path, newKey: field, value: [item], description: `${field}: [${item}]` };
          }
        } else if (p.quotable && !constrained) {
          const written = plainScalarText(r, p.path);
          if (written !== null) {
            fixText = ` Quote it: "${written}".`;
            fix = { op: "set", path: p.path, value: written, description: `quote ${written}` };
          }
        }
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath(p.path),
          message: `${dotted(p.path)} must be ${p.expected}, but is ${p.got}: ${REJECTED2} with a "must be of type" error.${fixText}`,
          fix
        });
      }
    }
  }),
  defineRule({
    id: "schema-invalid-enum",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: true,
    title: "A field holds a value outside the enum of the Istio CRD schema (values are case-sensitive: SIMPLE, not simple).",
    check(ctx) {
      for (const [r, p] of problems(ctx, "enum")) {
        const hint = p.caseFix ? ` Values are case-sensitive: write "${p.caseFix}".` : p.suggestion ? ` Did you mean "${p.suggestion}"?` : "";
        const allowed = p.allowed.length <= 12 ? ` Allowed: ${p.allowed.join(", ")}.` : "";
        ctx.report({
          resource: r,
          path: p.path,
          subject: `${subjectPath(p.path)}=${p.value}`,
          message: `${dotted(p.path)}: "${p.value}" is not a supported value: ${REJECTED2} with "Unsupported value".${hint}${allowed}`,
          fix: p.caseFix ? { op: "set", path: p.path, value: p.caseFix, description: `${String(p.path[p.path.length - 1])}: ${p.caseFix}` } : null
        });
      }
    }
  }),
  defineRule({
    id: "schema-missing-required",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: false,
    title: "A field that the Istio CRD schema requires is missing (a ServiceEntry without hosts, a port without number).",
    check(ctx) {
      for (const [r, p] of problems(ctx, "required")) {
        const full = dotted([...p.path, p.field]);
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath([...p.path, p.field]),
          message: `${full} is required: ${REJECTED2} with "${full}: Required value". Add ${p.field}${p.path.length ? ` to ${dotted(p.path)}` : ""}.`
        });
      }
    }
  }),
  defineRule({
    id: "schema-oneof",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: false,
    title: "Fields that exclude each other are set together (uri exact and prefix, loadBalancer simple and consistentHash).",
    check(ctx) {
      for (const [r, p] of problems(ctx, "oneof")) {
        const parent = dotted(p.path.slice(0, -1));
        const list = p.fields.map((f) => `"${f}"`).join(", ");
        ctx.report({
          resource: r,
          path: p.path,
          subject: `${subjectPath(p.path.slice(0, -1))}:${p.fields.join("+")}`,
          message: `${parent} sets ${list}, but only one of them may be set: ${REJECTED2} with "must validate one and only one schema (oneOf)". Keep the one you mean and remove the other${p.fields.length > 2 ? "s" : ""}.`
        });
      }
    }
  }),
  defineRule({
    id: "schema-invalid-value",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: false,
    title: "A value breaks a bound or pattern of the Istio CRD schema (maximum, minimum, length, number of items, pattern).",
    check(ctx) {
      for (const [r, p] of problems(ctx, "value")) {
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath(p.path),
          message: `${dotted(p.path)} ${p.detail}: ${REJECTED2}.`
        });
      }
    }
  }),
  defineRule({
    id: "schema-invalid-name",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: false,
    title: "The name of an Istio resource is not a DNS-1123 subdomain, or its namespace not a DNS-1123 label.",
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!isIstioGroup(r.group) || !schemaFor(r.group, r.kind, r.version)) continue;
        const meta = r.obj["metadata"];
        const name = meta && typeof meta === "object" && !Array.isArray(meta) ? meta["name"] : void 0;
        const ns = meta && typeof meta === "object" && !Array.isArray(meta) ? meta["namespace"] : void 0;
        if (typeof ns === "string" && ns !== "" && !isDns1123Label2(ns)) {
          ctx.report({
            resource: r,
            path: ["metadata", "namespace"],
            subject: `namespace:${ns}`,
            message: `metadata.namespace "${ns}" is not a valid namespace name: ${REJECTED2} (a namespace is a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit).`
          });
        }
        if (typeof name !== "string" || name === "" || isDns1123Subdomain(name)) continue;
        const lower = name.toLowerCase().replace(/_/g, "-");
        const fixable = isDns1123Subdomain(lower);
        ctx.report({
          resource: r,
          path: ["metadata", "name"],
          subject: name,
          message: `metadata.name "${name}" is not a valid name: ${REJECTED2} ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character").${fixable ? ` Use "${lower}".` : ""}`
        });
      }
    }
  })
];
var DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function isDns1123Label2(s) {
  return s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}
function isDns1123Subdomain(s) {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

// src/rules/validation/schema/cel.ts
var POLICY_KINDS = /* @__PURE__ */ new Set([
  "security.istio.io/AuthorizationPolicy",
  "security.istio.io/RequestAuthentication",
  "telemetry.istio.io/Telemetry",
  "extensions.istio.io/WasmPlugin",
  "extensions.istio.io/TrafficExtension"
]);
var MATCH_LABEL_KINDS = /* @__PURE__ */ new Set([...POLICY_KINDS, "security.istio.io/PeerAuthentication"]);
var has2 = (o, k) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== null;
function duplicates(out, list, keyField, path5) {
  if (!Array.isArray(list)) return;
  const seen = /* @__PURE__ */ new Set();
  list.forEach((item, i) => {
    const k = isObject(item) ? item[keyField] : void 0;
    if (typeof k !== "string" && typeof k !== "number") return;
    const id = String(k);
    if (seen.has(id)) {
      const where = path5.map((p) => typeof p === "number" ? `[${p}]` : `.${p}`).join("").slice(1);
      out.push({ path: [...path5, i, keyField], subject: `${where.replace(/\[\d+\]/g, "[]")}:${id}`, message: `${where}[${i}] repeats ${keyField} ${JSON.stringify(k)}: the list is keyed by ${keyField} ("Duplicate value"). Merge the two entries.` });
    }
    seen.add(id);
  });
}
function checkSpec(r) {
  const out = [];
  const spec = r.obj["spec"];
  if (!isObject(spec)) return out;
  const key = `${r.group}/${r.kind}`;
  if (POLICY_KINDS.has(key)) {
    const set = ["selector", "targetRef", "targetRefs"].filter((k) => has2(spec, k));
    if (set.length > 1) {
      out.push({
        path: ["spec", set[set.length - 1]],
        subject: "selector+targetRefs",
        message: `spec sets ${set.map((s) => `"${s}"`).join(" and ")}: "only one of targetRefs or selector can be set". Use targetRefs for a waypoint or gateway, selector for sidecars.`
      });
    }
  }
  const refs = [[spec["targetRef"], ["spec", "targetRef"]]];
  if (Array.isArray(spec["targetRefs"])) spec["targetRefs"].forEach((t, i) => refs.push([t, ["spec", "targetRefs", i]]));
  for (const [ref, path5] of refs) {
    if (isObject(ref) && typeof ref["namespace"] === "string" && ref["namespace"] !== "") {
      out.push({
        path: [...path5, "namespace"],
        subject: `targetRef.namespace=${ref["namespace"]}`,
        message: `${path5.join(".").replace(/\.(\d+)/g, "[$1]")}.namespace is "${ref["namespace"]}": "cross namespace referencing is not currently supported". Remove namespace and put the policy in the target's namespace.`
      });
    }
  }
  if (MATCH_LABEL_KINDS.has(key)) {
    const selector = spec["selector"];
    const labels = isObject(selector) ? selector["matchLabels"] : void 0;
    if (isObject(labels)) {
      for (const [k, v] of Object.entries(labels)) {
        const path5 = ["spec", "selector", "matchLabels", k];
        if (k === "") out.push({ path: path5, subject: "matchLabels:empty-key", message: 'spec.selector.matchLabels has an empty key: "key must not be empty".' });
        else if (k.includes("*")) out.push({ path: path5, subject: `matchLabels:${k}`, message: `spec.selector.matchLabels key "${k}" holds "*": "wildcard not allowed in label key match". Selectors match exact labels.` });
        if (typeof v === "string" && v.includes("*")) out.push({ path: path5, subject: `matchLabels:${k}=${v}`, message: `spec.selector.matchLabels.${k} is "${v}": "wildcard not allowed in label value match". Selectors match exact labels; list the values in separate resources or use a common label.` });
      }
    }
  }
  const partial = looksLikePatch(r);
  if (key === "security.istio.io/PeerAuthentication" && has2(spec, "portLevelMtls")) {
    const selector = spec["selector"];
    const labels = isObject(selector) ? selector["matchLabels"] : void 0;
    if (!partial && (!isObject(labels) || Object.keys(labels).length === 0)) {
      out.push({
        path: ["spec", "portLevelMtls"],
        subject: "portLevelMtls-without-selector",
        message: 'spec.portLevelMtls is set without spec.selector.matchLabels: "portLevelMtls requires selector". Port-level mTLS applies to selected workloads only; add a selector.'
      });
    }
    const ports = spec["portLevelMtls"];
    if (isObject(ports)) {
      if (Object.keys(ports).length === 0) out.push({ path: ["spec", "portLevelMtls"], subject: "portLevelMtls-empty", message: "spec.portLevelMtls is empty: it needs at least one port. Remove it or list a port." });
      for (const p of Object.keys(ports)) {
        const n = /^\d+$/.test(p) ? Number(p) : NaN;
        if (!(n > 0 && n <= 65535)) out.push({ path: ["spec", "portLevelMtls", p], subject: `portLevelMtls:${p}`, message: `spec.portLevelMtls key "${p}" is not a port number: "port must be between 1-65535". Keys are workload (target) port numbers.` });
      }
    }
  }
  if (key === "security.istio.io/RequestAuthentication" && Array.isArray(spec["jwtRules"])) {
    spec["jwtRules"].forEach((rule, i) => {
      if (!isObject(rule)) return;
      const set = ["jwksUri", "jwks_uri", "jwks"].filter((k) => has2(rule, k));
      if (set.length > 1) out.push({ path: ["spec", "jwtRules", i, set[set.length - 1]], subject: `jwtRules:${String(rule["issuer"] ?? i)}:jwks`, message: `spec.jwtRules[${i}] sets ${set.map((s) => `"${s}"`).join(" and ")}: "only one of jwks or jwksUri can be set".` });
      for (const k of ["jwksUri", "jwks_uri"]) {
        const u = rule[k];
        if (typeof u === "string" && u !== "" && !/^https?:\/\/[^/]/i.test(u)) out.push({ path: ["spec", "jwtRules", i, k], subject: `jwtRules:${u}`, message: `spec.jwtRules[${i}].${k} "${u}": "url must have scheme http:// or https://".` });
      }
    });
  }
  if (key === "extensions.istio.io/TrafficExtension" && has2(spec, "wasm") === has2(spec, "lua") && !(partial && !has2(spec, "lua"))) {
    out.push({
      path: has2(spec, "lua") ? ["spec", "lua"] : ["spec"],
      subject: "wasm-or-lua",
      message: has2(spec, "lua") ? 'spec sets both "wasm" and "lua": "exactly one of wasm or lua must be set". Split them into two TrafficExtensions.' : 'spec sets neither "wasm" nor "lua": "exactly one of wasm or lua must be set".'
    });
  }
  if (key === "extensions.istio.io/WasmPlugin" || key === "extensions.istio.io/TrafficExtension") {
    const base = key === "extensions.istio.io/WasmPlugin" ? ["spec"] : ["spec", "wasm"];
    const holder = key === "extensions.istio.io/WasmPlugin" ? spec : spec["wasm"];
    const vm = isObject(holder) ? holder["vmConfig"] : void 0;
    duplicates(out, isObject(vm) ? vm["env"] : void 0, "name", [...base, "vmConfig", "env"]);
    if (Array.isArray(spec["match"])) spec["match"].forEach((m, i) => {
      if (isObject(m)) duplicates(out, m["ports"], "number", ["spec", "match", i, "ports"]);
    });
  }
  if (key === "extensions.istio.io/WasmPlugin") {
    const vm = spec["vmConfig"];
    const env = isObject(vm) ? vm["env"] : void 0;
    if (Array.isArray(env)) {
      env.forEach((e, i) => {
        if (isObject(e) && e["valueFrom"] === "HOST" && has2(e, "value")) {
          out.push({ path: ["spec", "vmConfig", "env", i, "value"], subject: `env:${String(e["name"] ?? i)}`, message: `spec.vmConfig.env[${i}] takes its value from the host (valueFrom: HOST) and also sets value: "value may only be set when valueFrom is INLINE". Remove value, or set valueFrom: INLINE.` });
        }
      });
    }
  }
  return out;
}
var celRules = [
  defineRule({
    id: "schema-validation-rule",
    severity: "error",
    istioCode: null,
    group: "schema",
    fixable: false,
    title: "A value breaks one of the Istio CRD's validation rules (x-kubernetes-validations): selector with targetRefs, wildcard labels, cross-namespace targetRef, \u2026",
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!schemaFor(r.group, r.kind, r.version)) continue;
        for (const p of checkSpec(r)) {
          ctx.report({ resource: r, path: p.path, subject: p.subject, message: `${p.message} kubectl apply rejects the resource (and an Argo CD or Flux sync fails).` });
        }
      }
    }
  })
];

// src/rules/validation/schema/index.ts
var schemaRules = [...schemaCheckRules, ...celRules];

// src/rules/validation/index.ts
var validationRules2 = [...istioValidationRules, ...schemaRules];

// src/rules/index.ts
var ALL_RULES = [...inputRules, ...serviceEntryRules, ...analyzerRules, ...validationRules2];
var byId = new Map(ALL_RULES.map((r) => [r.id, r]));

// src/fixes/edits.ts
var import_yaml7 = __toESM(require_dist(), 1);
function buildFix(r, edit) {
  try {
    return buildFixUnsafe(r, edit);
  } catch {
    return null;
  }
}
function buildFixUnsafe(r, edit) {
  const full = [...r.basePath, ...edit.path];
  const text = r.file.text;
  let le = null;
  switch (edit.op) {
    case "set": {
      const { node } = nodeAt(r.doc, full);
      if (!node || !(0, import_yaml7.isScalar)(node) || !node.range) return null;
      le = { start: node.range[0], end: node.range[1], replacement: scalarText(edit.value, node.type) };
      break;
    }
    case "renameKey": {
      const parentPath = full.slice(0, -1);
      const key = full[full.length - 1];
      const { node: parent } = nodeAt(r.doc, parentPath);
      if (!parent || !(0, import_yaml7.isMap)(parent)) return null;
      const pair = parent.items.find((p) => (0, import_yaml7.isScalar)(p.key) && String(p.key.value) === String(key));
      if (!pair || !(0, import_yaml7.isScalar)(pair.key) || !pair.key.range) return null;
      le = { start: pair.key.range[0], end: pair.key.range[1], replacement: scalarText(edit.newKey, pair.key.type) };
      break;
    }
    case "replaceEntry": {
      const { node: parent } = nodeAt(r.doc, full.slice(0, -1));
      const key = full[full.length - 1];
      if (!parent || !(0, import_yaml7.isMap)(parent)) return null;
      const pair = parent.items.find((p) => (0, import_yaml7.isScalar)(p.key) && String(p.key.value) === String(key));
      if (!pair || !(0, import_yaml7.isScalar)(pair.key) || !pair.key.range || !(0, import_yaml7.isScalar)(pair.value) || !pair.value.range) return null;
      if (text.slice(pair.key.range[0], pair.value.range[1]).includes("\n")) return null;
      le = { start: pair.key.range[0], end: pair.value.range[1], replacement: `${scalarText(edit.newKey)}: ${flowText(edit.value)}` };
      break;
    }
    case "append": {
      const { node, depth } = nodeAt(r.doc, full);
      if (depth === full.length && node && (0, import_yaml7.isSeq)(node)) le = appendToSeq(text, node, scalarText(edit.value));
      else if (depth === full.length) return null;
      else return buildFixUnsafe(r, { op: "insert", path: edit.path.slice(0, -1), key: String(edit.path[edit.path.length - 1]), value: [edit.value], description: edit.description });
      break;
    }
    case "insert": {
      let existing = full.length;
      let target = null;
      for (; existing >= 0; existing--) {
        const { node, depth } = nodeAt(r.doc, full.slice(0, existing));
        if (depth === existing && node) {
          target = node;
          break;
        }
      }
      if (!target || !(0, import_yaml7.isMap)(target)) return null;
      let value = edit.value;
      value = { [edit.key]: value };
      for (let i = full.length - 1; i >= existing; i--) value = { [String(full[i])]: value };
      le = insertIntoMap(text, target, value);
      break;
    }
  }
  if (!le) return null;
  return toLineFix(r, le, edit.description);
}
function toLineFix(r, le, description) {
  const text = r.file.text;
  const lineStart = text.lastIndexOf("\n", le.start - 1) + 1;
  let lineEnd = text.indexOf("\n", Math.max(le.end, le.start));
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, le.start);
  let after = text.slice(le.end, lineEnd);
  if (after.endsWith("\r")) after = after.slice(0, -1);
  const replaced = (before + le.replacement + after).replace(/\r\n/g, "\n");
  const startLine = lineOf(r.file, lineStart);
  const endLine = lineOf(r.file, Math.max(lineStart, lineEnd - 1));
  return { file: r.file.path, startLine, endLine: Math.max(startLine, endLine), text: replaced, description };
}
function scalarText(value, type) {
  if (typeof value !== "string") return String(value);
  if (type === import_yaml7.Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (type === import_yaml7.Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return isPlainSafe(value) ? value : JSON.stringify(value);
}
var YAML11_SPECIAL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
function isPlainSafe(s) {
  if (s === "" || YAML11_SPECIAL.test(s)) return false;
  if (/^[-+]?\.?[0-9]/.test(s) || /^\.(inf|nan)$/i.test(s)) return false;
  if (!/^[A-Za-z0-9_./~-]+$/.test(s)) return false;
  return !/^[-~]/.test(s);
}
function columnOf(text, offset) {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}
function contentEnd(text, node) {
  let e = node.range[1];
  while (e > node.range[0] && /\s/.test(text[e - 1])) e--;
  return e;
}
function lineEndAt(text, offset) {
  const nl = text.indexOf("\n", offset);
  if (nl === -1) return text.length;
  return text[nl - 1] === "\r" ? nl - 1 : nl;
}
function appendToSeq(text, seq, item) {
  if (seq.flow) {
    const [s, e] = [seq.range[0], contentEnd(text, seq)];
    if (text.slice(s, e).includes("\n")) return null;
    const close = e - 1;
    const inner = text.slice(s + 1, close).trim();
    return { start: s, end: e, replacement: inner === "" ? `[${item}]` : `[${text.slice(s + 1, close).replace(/\s+$/, "")}, ${item}]` };
  }
  const first = seq.items[0];
  const last = seq.items[seq.items.length - 1];
  if (!first || !last || !first.range || !last.range) return null;
  const dash = text.lastIndexOf("-", first.range[0]);
  const indent = " ".repeat(columnOf(text, dash));
  const end = lineEndAt(text, contentEnd(text, last));
  return { start: end, end, replacement: `
${indent}- ${item}` };
}
function insertIntoMap(text, map, value) {
  if (map.flow) {
    const s = map.range[0];
    const e = contentEnd(text, map);
    if (text.slice(s, e).includes("\n")) return null;
    const inner = text.slice(s + 1, e - 1).trim();
    const entries = Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`).join(", ");
    return { start: s, end: e, replacement: inner === "" ? `{${entries}}` : `{${inner}, ${entries}}` };
  }
  const firstPair = map.items[0];
  const lastPair = map.items[map.items.length - 1];
  if (!firstPair || !lastPair) return null;
  const firstKey = firstPair.key;
  if (!firstKey?.range) return null;
  const indent = columnOf(text, firstKey.range[0]);
  const lastNode = lastPair.value ?? lastPair.key;
  if (!lastNode?.range) return null;
  const end = lineEndAt(text, contentEnd(text, lastNode));
  return { start: end, end, replacement: "\n" + blockText(value, indent).join("\n") };
}
function flowText(v) {
  if (Array.isArray(v)) return `[${v.map(flowText).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${scalarText(k)}: ${flowText(x)}`).join(", ")}}`;
  return scalarText(v);
}
function blockText(v, indent) {
  const pad = " ".repeat(indent);
  const out = [];
  for (const [k, x] of Object.entries(v)) {
    if (Array.isArray(x)) {
      out.push(`${pad}${scalarText(k)}:`);
      for (const item of x) out.push(`${pad}- ${typeof item === "object" ? flowText(item) : scalarText(item)}`);
    } else if (typeof x === "object") {
      out.push(`${pad}${scalarText(k)}:`);
      out.push(...blockText(x, indent + 2));
    } else out.push(`${pad}${scalarText(k)}: ${scalarText(x)}`);
  }
  return out;
}

// src/engine.ts
var DOCS_BASE = "https://github.com/istio-review/istio-review/blob/main/docs/rules/";
function analyze2(ws, opts = {}) {
  const settings = opts.settings ?? defaultMeshSettings();
  const config = opts.config ?? emptyConfig();
  const rules = opts.rules ?? ALL_RULES;
  const mesh = new MeshView(ws.resources, settings, config);
  const findings = [];
  const ruleIds = new Set(rules.map((r) => r.id));
  const occurrences = /* @__PURE__ */ new Map();
  for (const p of ws.problems) {
    if (!ruleIds.has(p.rule)) continue;
    const rule = rules.find((r) => r.id === p.rule);
    const key = `${p.file}\0${p.rule}\0${p.message}`;
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    findings.push(makeFinding(rule, { kind: "File", namespace: null, name: p.file }, p.file, p.line, p.endLine, p.message, n === 1 ? p.message : `${p.message} #${n}`, null, true));
  }
  for (const rule of rules) {
    const ctx = {
      mesh,
      report: (rep) => {
        const r = rep.resource;
        const span = locateIn(r, r.file, [...r.basePath, ...rep.path]);
        const fix = rep.fix ? buildFix(rep.fixTarget ?? r, rep.fix) : null;
        findings.push(makeFinding(rule, refOf(r), r.file.path, span.line, span.endLine, rep.message, rep.subject ?? "", fix, false, r));
      }
    };
    try {
      rule.check(ctx);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      findings.push({
        rule: "internal-error",
        severity: "warning",
        istioCode: null,
        kialiCode: null,
        resource: null,
        file: "-",
        line: 1,
        endLine: 1,
        fix: null,
        message: `Rule ${rule.id} failed and reported nothing (${detail}). Please report this as a bug.`,
        subject: rule.id,
        fingerprint: fingerprintOf("internal-error", null, rule.id),
        docs: `${DOCS_BASE}internal-error.md`
      });
    }
  }
  return { mesh, findings: finalize(findings, config.rules) };
}
function makeFinding(rule, resource, file, line, endLine, message, subject, fix, fileLevel, r) {
  return {
    rule: rule.id,
    severity: rule.severity,
    message,
    istioCode: rule.istioCode,
    kialiCode: rule.kialiCode ?? null,
    resource: fileLevel ? null : resource,
    file,
    line,
    endLine,
    fix,
    subject,
    fingerprint: fingerprintOf(rule.id, fileLevel ? { kind: "File", namespace: null, name: file } : resource, subject),
    docs: `${DOCS_BASE}${rule.id}.md`,
    _suppressedBy: r
  };
}
function fingerprintOf(rule, resource, subject) {
  const id = resource ? `${resource.kind}|${resource.namespace ?? ""}|${resource.name}` : "";
  return createHash("sha256").update(`${rule}\0${id}\0${subject}`).digest("hex").slice(0, 16);
}
function finalize(raw, levels) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const f of raw) {
    const r = f._suppressedBy;
    delete f._suppressedBy;
    if (r && f.rule !== "suppression-without-reason" && suppressionOf(r).suppresses(f.rule, f.istioCode)) continue;
    const level = levels[f.rule];
    if (level === "off") continue;
    if (level) f.severity = level;
    const key = `${f.fingerprint}|${f.file}|${f.line}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

// src/manifests/workspace.ts
var import_yaml9 = __toESM(require_dist(), 1);
import path from "node:path";

// src/manifests/parse.ts
var import_yaml8 = __toESM(require_dist(), 1);
var MAX_DEPTH = 256;
var MAX_ALIAS_COUNT = 100;
var TEMPLATE_ACTION = /^[ \t]*(?:-[ \t]+)?(?:[^\s#:'"][^:#]*:[ \t]+)?\{\{/m;
var BLOCK_SCALAR_START = /^([ \t]*)(?:-[ \t]+)?(?:[^#'"\s][^#]*?:[ \t]+|-[ \t]*)?[|>][-+0-9]*[ \t]*(?:#.*)?$/;
function templateActionOutsideBlockScalars(text) {
  const first = TEMPLATE_ACTION.exec(text);
  if (!first) return null;
  let blockIndent = -1;
  let offset = 0;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === "";
    if (blockIndent >= 0 && (blank || indent > blockIndent)) {
      offset += line.length + 1;
      continue;
    }
    blockIndent = -1;
    const m = TEMPLATE_ACTION.exec(line);
    if (m) return Object.assign([...m], { index: offset + m.index, input: text, groups: m.groups });
    const open = BLOCK_SCALAR_START.exec(line.replace(/\r$/, ""));
    if (open) blockIndent = open[1].length;
    offset += line.length + 1;
  }
  return null;
}
function parseManifestFile(src) {
  const docs = [];
  const problems2 = [];
  const problem = (rule, message, line, endLine = line) => problems2.push({ rule, message, file: src.path, line, endLine });
  const template = templateActionOutsideBlockScalars(src.text);
  if (template) {
    const line = lineOf(src, template.index + template[0].length - 2);
    problem("template-not-checked", "This file holds template syntax ({{ \u2026 }}), so it is not a manifest yet: render it and check the output. Not checked.", line);
    return { docs, problems: problems2 };
  }
  const deep = deepNestingLine(src.text, MAX_DEPTH);
  if (deep !== null) {
    problem("yaml-syntax", `This file nests more than ${MAX_DEPTH} levels deep (from line ${deep}); no Kubernetes object does, and such input is a known way to exhaust parsers. Nothing in it was checked.`, deep);
    return { docs, problems: problems2 };
  }
  let parsed;
  try {
    parsed = parseYamlDocuments(src.text);
  } catch (err) {
    problem("yaml-syntax", `The YAML parser gave up on this file (${shortError(err)}); nothing in it was checked.`, 1);
    return { docs, problems: problems2 };
  }
  const hasAnchors = src.text.includes("&");
  for (let index = 0; index < parsed.length; index++) {
    const doc = parsed[index];
    const contentStart = doc.contents?.range?.[0] ?? doc.range[0];
    const startLine = lineOf(src, contentStart);
    const endLine = lineOf(src, Math.max(contentStart, doc.range[1] - 1));
    if (doc.errors.length > 0) {
      const reported = /* @__PURE__ */ new Set();
      for (const e of doc.errors.slice(0, 5)) {
        let line = lineOf(src, e.pos[0]);
        if (/closing quote|Missing closing/i.test(e.message)) line = unterminatedQuoteLine(src, contentStart) ?? line;
        const key = e.code === "DUPLICATE_KEY" ? `dup:${line}` : "syntax";
        if (reported.has(key)) continue;
        reported.add(key);
        if (e.code === "DUPLICATE_KEY") {
          problem("duplicate-key", `Duplicate key: kubectl apply rejects this document ("mapping key already defined"). Keep one of the entries. ${firstLine(e.message)}`, line);
        } else {
          problem("yaml-syntax", `YAML syntax error: ${firstLine(e.message)}. The whole document is skipped, so nothing in it was checked.`, line);
        }
      }
      continue;
    }
    if (doc.contents === null) continue;
    let value;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const msg = shortError(err);
      const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(msg);
      if (unresolved) {
        const at = src.text.indexOf(`*${unresolved[1]}`, doc.range[0]);
        const line = at !== -1 && at < doc.range[1] ? lineOf(src, at) : startLine;
        problem("yaml-syntax", `The alias "*${unresolved[1]}" refers to no anchor "&${unresolved[1]}" defined before it. The document is skipped.`, line);
        continue;
      }
      const why = /alias/i.test(msg) ? `It expands too many aliases (more than ${MAX_ALIAS_COUNT}; an "alias bomb" can take the API server down).` : `It cannot be read: ${msg}.`;
      problem("yaml-syntax", `${why} The document is skipped.`, startLine, endLine);
      continue;
    }
    if (hasAnchors && nestedDeeperThan(value, MAX_DEPTH)) {
      problem("yaml-syntax", `This document is nested more than ${MAX_DEPTH} levels deep; no Kubernetes object is, and such input is a known way to exhaust parsers. The document is skipped.`, startLine, endLine);
      continue;
    }
    docs.push({ doc, value, startLine, endLine, index });
  }
  return { docs, problems: problems2 };
}
function deepNestingLine(text, limit) {
  const indents = [];
  let flow = 0;
  let line = 1;
  for (let i = 0; i < text.length; ) {
    let nl = text.indexOf("\n", i);
    if (nl === -1) nl = text.length;
    let j = i;
    while (j < nl && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < nl && text.charCodeAt(j) !== 35 && text.charCodeAt(j) !== 13) {
      const indent = j - i;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
      let items = 0;
      for (let k = j; k + 1 < nl && text.charCodeAt(k) === 45 && text.charCodeAt(k + 1) === 32; k += 2) {
        items++;
        while (k + 2 < nl && text.charCodeAt(k + 2) === 32) k++;
      }
      let prev = 0;
      for (let k = j; k < nl; k++) {
        const c = text.charCodeAt(k);
        if ((c === 91 || c === 123) && (prev === 0 || prev === 58 || prev === 45 || prev === 44 || prev === 91 || prev === 123)) {
          if (indents.length + items + ++flow > limit) return line;
        } else if ((c === 93 || c === 125) && flow > 0) flow--;
        if (c !== 32 && c !== 9) prev = c;
      }
      if (indents.length + items + flow > limit) return line;
    }
    i = nl + 1;
    line++;
  }
  return null;
}
function nestedDeeperThan(value, limit) {
  if (typeof value !== "object" || value === null) return false;
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop();
    if (depth > limit) return true;
    const children = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : v instanceof Set ? [...v] : Object.values(v);
    for (const c of children) if (typeof c === "object" && c !== null) stack.push([c, depth + 1]);
  }
  return false;
}
function kubernetesScalars(tags) {
  const hasDigit = /[0-9]/;
  return tags.filter((t) => !(typeof t === "object" && t.tag === "tag:yaml.org,2002:timestamp")).filter((t) => !(typeof t === "object" && "format" in t && t.format === "TIME")).map((t) => {
    if (typeof t !== "object" || t.tag !== "tag:yaml.org,2002:float" || !t.test || t.test.source.includes("inf")) return t;
    const re = new RegExp(t.test.source, t.test.flags);
    const strict = Object.assign(new RegExp(re.source, re.flags), { test: (str2) => hasDigit.test(str2) && re.test(str2) });
    return { ...t, test: strict };
  });
}
function parseYamlDocuments(text) {
  const parsed = (0, import_yaml8.parseAllDocuments)(text, { version: "1.1", uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, customTags: kubernetesScalars });
  return Array.isArray(parsed) ? parsed : [];
}
function unterminatedQuoteLine(src, from) {
  const lines = src.text.slice(from).split("\n");
  const first = lineOf(src, from);
  for (let i = 0; i < lines.length; i++) {
    const m = /(?:^|[:\-,[{]\s*)(["'])/.exec(lines[i].replace(/\s#.*$/, ""));
    if (!m) continue;
    const q2 = m[1];
    const rest = lines[i].slice(m.index + m[0].length);
    const closed = q2 === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.replace(/''/g, "").includes("'");
    if (!closed) return first + i;
  }
  return null;
}
function firstLine(s) {
  const line = s.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}\u2026` : line;
}
function shortError(err) {
  if (err instanceof RangeError) return "nested too deeply";
  return firstLine(err instanceof Error ? err.message : String(err));
}

// src/manifests/identity.ts
function resourcesOf(src, docs, ns) {
  const resources = [];
  const problems2 = [];
  for (const d of docs) {
    const problem = (message, line = d.startLine, endLine = d.endLine) => problems2.push({ rule: "not-a-manifest", message, file: src.path, line, endLine });
    if (!isObject(d.value)) {
      const what2 = Array.isArray(d.value) ? "a list" : `a ${d.value === null ? "null" : typeof d.value} value`;
      problem(`This document is ${what2}, not a Kubernetes object; it is skipped.`);
      continue;
    }
    const v = d.value;
    if (v.kind === "List" && Array.isArray(v.items)) {
      v.items.forEach((item, i) => {
        const basePath = ["items", i];
        const span = locateIn(d, src, basePath);
        if (!isObject(item)) {
          problem(`Item ${i} of this List is not a Kubernetes object; it is skipped.`, span.line, span.endLine);
          return;
        }
        const r2 = toResource(src, d, item, basePath, span.line, span.endLine, ns, problem);
        if (r2) resources.push(r2);
      });
      continue;
    }
    const r = toResource(src, d, v, [], d.startLine, d.endLine, ns, problem);
    if (r) resources.push(r);
  }
  return { resources, problems: problems2 };
}
function toResource(src, parsed, obj2, basePath, startLine, endLine, ns, problem) {
  const apiVersion = obj2.apiVersion;
  const kind = obj2.kind;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || kind === "" || apiVersion === "") {
    const missing = [typeof apiVersion !== "string" || apiVersion === "" ? "apiVersion" : null, typeof kind !== "string" || kind === "" ? "kind" : null].filter(Boolean).join(" and ");
    problem(`This document has no usable ${missing}, so it is not a Kubernetes object kubectl could apply; it is skipped.`, startLine, endLine);
    return null;
  }
  const { group: group6, version } = splitApiVersion(apiVersion);
  if (TOOLING_API_GROUPS.has(group6)) return null;
  const metadata = isObject(obj2.metadata) ? obj2.metadata : {};
  const nameValue = metadata.name ?? metadata.generateName;
  if (typeof nameValue !== "string" || nameValue === "") {
    const at = locateIn(parsed, src, [...basePath, "metadata"]);
    problem(`${kind} without metadata.name: kubectl apply rejects it ("resource name may not be empty"). It is skipped.`, at.line, at.endLine);
    return null;
  }
  let namespace;
  let namespaceSource;
  if (CLUSTER_SCOPED_KINDS.has(kind)) {
    namespace = null;
    namespaceSource = "cluster-scoped";
  } else if (typeof metadata.namespace === "string" && metadata.namespace !== "") {
    namespace = metadata.namespace;
    namespaceSource = "metadata";
  } else if (ns.kustomizationNamespace) {
    namespace = ns.kustomizationNamespace;
    namespaceSource = "kustomization";
  } else if (ns.configDefault) {
    namespace = ns.configDefault;
    namespaceSource = "config";
  } else {
    namespace = "default";
    namespaceSource = "default";
  }
  if (namespace !== null && ns.kustomizationNamespace && namespaceSource === "metadata") namespace = ns.kustomizationNamespace;
  return {
    apiVersion,
    group: group6,
    version,
    kind,
    name: nameValue,
    namespace,
    namespaceSource,
    labels: asStringMap(metadata.labels),
    annotations: asStringMap(metadata.annotations),
    obj: obj2,
    spec: isObject(obj2.spec) ? obj2.spec : {},
    file: src,
    // Read through: a document parsed in a worker thread gets its YAML nodes only when asked (positions, fixes).
    get doc() {
      return parsed.doc;
    },
    get positions() {
      return parsed.positions;
    },
    basePath,
    startLine,
    endLine
  };
}

// src/manifests/workspace.ts
var KUSTOMIZATION_NAMES = /* @__PURE__ */ new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);
function isKustomizationFile(p) {
  return KUSTOMIZATION_NAMES.has(path.basename(p));
}
function buildWorkspace(inputs, opts = {}) {
  const kustomizeNs = kustomizationNamespaces(inputs);
  const files = [];
  const resources = [];
  const problems2 = [];
  for (const input of inputs) {
    if (input.text === null) {
      problems2.push({ rule: "unreadable-file", message: input.readProblem ?? "This file cannot be read as text; it is skipped.", file: input.path, line: 1, endLine: 1 });
      continue;
    }
    if (isKustomizationFile(input.path)) continue;
    const src = input.parsed?.source ?? makeSourceFile(input.path, input.text);
    files.push(src);
    const parsed = input.parsed ?? parseManifestFile(src);
    problems2.push(...parsed.problems);
    const ids = resourcesOf(src, parsed.docs, {
      kustomizationNamespace: kustomizeNs.get(normalize(input.path)),
      configDefault: opts.defaultNamespace
    });
    resources.push(...ids.resources);
    problems2.push(...ids.problems);
  }
  return { files, resources, problems: problems2 };
}
function normalize(p) {
  return path.posix.normalize(p.split(path.sep).join("/"));
}
function kustomizationNamespaces(inputs) {
  const byDir = /* @__PURE__ */ new Map();
  for (const f of inputs) {
    if (!isKustomizationFile(f.path) || f.text === null) continue;
    let k;
    try {
      k = (0, import_yaml9.parse)(f.text, { version: "1.1" });
    } catch {
      continue;
    }
    if (typeof k !== "object" || k === null) continue;
    const o = k;
    const list = [...asStrings(o.resources), ...asStrings(o.bases)];
    byDir.set(path.posix.dirname(normalize(f.path)), { namespace: typeof o.namespace === "string" ? o.namespace : void 0, resources: list });
  }
  const result = /* @__PURE__ */ new Map();
  const visit = (dir, ns, seen) => {
    const k = byDir.get(dir);
    if (!k || seen.has(dir)) return;
    seen.add(dir);
    const effective = ns ?? k.namespace;
    for (const r of k.resources) {
      const target = path.posix.normalize(path.posix.join(dir, r));
      if (byDir.has(target)) visit(target, effective, seen);
      else if (effective && !result.has(target)) result.set(target, effective);
    }
  };
  for (const dir of [...byDir.keys()].sort((a, b) => a.length - b.length)) visit(dir, void 0, /* @__PURE__ */ new Set());
  return result;
}
function asStrings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function settingsFileResource(input, identity) {
  const src = makeSourceFile(input.path, input.text);
  const doc = parseManifestFile(src).docs[0];
  if (!doc || typeof doc.value !== "object" || doc.value === null || Array.isArray(doc.value)) return null;
  const slash = identity.apiVersion.lastIndexOf("/");
  const obj2 = doc.value;
  return {
    apiVersion: identity.apiVersion,
    group: slash === -1 ? "" : identity.apiVersion.slice(0, slash),
    version: identity.apiVersion.slice(slash + 1),
    kind: identity.kind,
    name: identity.name,
    namespace: identity.namespace,
    namespaceSource: identity.namespace === null ? "cluster-scoped" : "config",
    labels: {},
    annotations: {},
    obj: obj2,
    spec: obj2,
    file: src,
    doc: doc.doc,
    basePath: [],
    startLine: doc.startLine,
    endLine: doc.endLine
  };
}

// src/manifests/load.ts
import fs2 from "node:fs";
import path2 from "node:path";
import os from "node:os";

// src/manifests/parallel.ts
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
function parseFiles(files, opts) {
  const results = new Array(files.length);
  let compact = false;
  const parseHere = (i) => {
    const source = makeSourceFile(files[i].path, files[i].text);
    const parsed = parseManifestFile(source);
    if (!compact) {
      results[i] = { source, ...parsed };
      return;
    }
    const nodes = nodesOnce(source);
    results[i] = { source, docs: parsed.docs.map((d) => lazyDocument({ value: d.value, startLine: d.startLine, endLine: d.endLine, index: d.index }, positionsOf(d.doc), nodes)), problems: parsed.problems };
  };
  const script = opts.workerScript && fs.existsSync(fileURLToPath(opts.workerScript)) ? opts.workerScript : null;
  if (!script || opts.workers < 1 || files.length < 2) {
    for (let i = 0; i < files.length; i++) parseHere(i);
    return results;
  }
  const chunkBytes = opts.chunkBytes ?? 128 * 1024;
  const chunks = [];
  for (let from = 0, i = 0, bytes = 0; i < files.length; i++) {
    bytes += files[i].text.length;
    if (bytes >= chunkBytes || i === files.length - 1) {
      chunks.push([from, i + 1]);
      from = i + 1;
      bytes = 0;
    }
  }
  const control = new SharedArrayBuffer(16);
  const ctl = new Int32Array(control);
  const done = new Uint8Array(chunks.length);
  const channels = [];
  const input = { paths: files.map((f) => f.path), texts: files.map((f) => f.text), chunks, control };
  for (let w = 0; w < opts.workers; w++) {
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(script, { workerData: { ...input, port: port2 }, transferList: [port2] });
      worker.unref();
      worker.on("error", () => {
      });
      channels.push({ port: port1, worker });
    } catch {
      port1.close();
    }
  }
  compact = channels.length > 0;
  const accept = (msg) => {
    const [from, to] = chunks[msg.chunk];
    if (msg.files === null) {
      for (let i = from; i < to; i++) parseHere(i);
    } else {
      for (let i = from; i < to; i++) {
        const source = makeSourceFile(files[i].path, files[i].text);
        const f = msg.files[i - from];
        const nodes = nodesOnce(source);
        results[i] = {
          source,
          docs: f.docs.map((d) => lazyDocument({ value: d.valueJson !== void 0 ? JSON.parse(d.valueJson) : d.value, startLine: d.startLine, endLine: d.endLine, index: d.index }, d.positionsJson, nodes)),
          problems: f.problems
        };
      }
    }
    done[msg.chunk] = 1;
  };
  const drain = () => {
    let got = false;
    for (const c of channels) {
      for (let m = receiveMessageOnPort(c.port); m; m = receiveMessageOnPort(c.port)) {
        accept(m.message);
        got = true;
      }
    }
    return got;
  };
  for (; ; ) {
    const chunk = Atomics.add(ctl, 0, 1);
    if (chunk >= chunks.length) break;
    const [from, to] = chunks[chunk];
    for (let i = from; i < to; i++) parseHere(i);
    done[chunk] = 1;
  }
  const stallMs = opts.stallMs ?? 3e4;
  let lastProgress = Date.now();
  while (done.includes(0)) {
    if (drain()) {
      lastProgress = Date.now();
      continue;
    }
    const posted = Atomics.load(ctl, 1);
    Atomics.wait(ctl, 1, posted, 50);
    if (Date.now() - lastProgress > stallMs) break;
  }
  for (const c of channels) {
    void c.worker.terminate();
    c.port.close();
  }
  for (let c = 0; c < chunks.length; c++) {
    if (done[c]) continue;
    const [from, to] = chunks[c];
    for (let i = from; i < to; i++) parseHere(i);
  }
  return results;
}
function nodesOnce(source) {
  let nodes = null;
  return () => nodes ??= parseYamlDocuments(source.text);
}
function lazyDocument(d, positions, nodes) {
  let decoded = typeof positions === "string" ? null : positions;
  return {
    value: d.value,
    startLine: d.startLine,
    endLine: d.endLine,
    index: d.index,
    get positions() {
      return decoded ??= decodePositions(positions);
    },
    get doc() {
      return nodes()[d.index];
    }
  };
}

// src/manifests/load.ts
var MAX_FILE_BYTES = 8 * 1024 * 1024;
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
var MANIFEST_EXT = /\.(ya?ml|json)$/i;
function findManifestFiles(paths) {
  const files = /* @__PURE__ */ new Set();
  const missing = [];
  for (const p of paths) {
    let st;
    try {
      st = fs2.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p, files);
    else files.add(p);
  }
  return { files: [...files].sort(), missing };
}
function walk(dir, out) {
  let entries;
  try {
    entries = fs2.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const isChart = entries.some((e) => e.isFile() && e.name === "Chart.yaml");
  for (const e of entries.sort((a, b) => a.name < b.name ? -1 : 1)) {
    const p = path2.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name)) continue;
      if (isChart && e.name === "templates") continue;
      walk(p, out);
    } else if (e.isFile() && MANIFEST_EXT.test(e.name)) {
      out.add(p);
    }
  }
}
function decodeManifest(filePath, bytes) {
  if (bytes.length > MAX_FILE_BYTES) {
    return { path: filePath, text: null, readProblem: `This file is ${(bytes.length / 1048576).toFixed(1)} MiB; a manifest that large cannot be applied (the API server limits a request to about 3 MiB), so it is not checked.` };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { path: filePath, text: null, readProblem: "This file is binary (it contains NUL bytes), not YAML; it is skipped." };
  try {
    return { path: filePath, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { path: filePath, text: null, readProblem: "This file is not valid UTF-8, so kubectl cannot read it as YAML; it is skipped." };
  }
}
var PARALLEL_MIN_BYTES = 1024 * 1024;
function readManifestFiles(files, opts = {}) {
  const out = readFiles(files, opts);
  if (opts.parse !== false) parseInputs(out);
  return out;
}
function parseInputs(inputs) {
  const todo = inputs.filter((f) => f.text !== null && f.parsed === void 0 && !isKustomizationFile(f.path));
  const bytes = todo.reduce((n, f) => n + f.text.length, 0);
  const envThreads = Number.parseInt(process.env.ISTIO_REVIEW_PARSE_THREADS ?? "", 10);
  const envMin = Number.parseInt(process.env.ISTIO_REVIEW_PARALLEL_MIN_BYTES ?? "", 10);
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const workers = Number.isFinite(envThreads) ? Math.max(0, envThreads) : Math.min(Math.max(cores - 1, 0), 3);
  const parallel = bytes >= (Number.isFinite(envMin) ? envMin : PARALLEL_MIN_BYTES);
  const parsed = parseFiles(todo, { workerScript: parallel ? workerScript() : null, workers });
  todo.forEach((f, i) => {
    f.parsed = parsed[i];
  });
}
function workerScript() {
  try {
    const url = new URL("./parse-worker.js", import.meta.url);
    return url.protocol === "file:" && /\/dist\/[^/]+\.js$/.test(import.meta.url) ? url : null;
  } catch {
    return null;
  }
}
function readFiles(files, opts) {
  const out = [];
  for (const f of files) {
    let bytes;
    try {
      bytes = fs2.readFileSync(f);
    } catch (err) {
      out.push({ path: f, text: null, readProblem: `This file cannot be read: ${err.message}` });
      continue;
    }
    const input = decodeManifest(f, bytes);
    if (opts.fromDirectoryWalk?.has(f) && /\.json$/i.test(f) && input.text !== null && !input.text.includes('"kind"')) continue;
    out.push(input);
  }
  return out;
}

// src/settings-loader.ts
var import_yaml10 = __toESM(require_dist(), 1);
import fs3 from "node:fs";
var UsageError = class extends Error {
};
function loadSettings(opts) {
  const warnings = [];
  let config = emptyConfig();
  if (opts.configFile) {
    if (fs3.existsSync(opts.configFile)) {
      const { config: c, errors } = parseReviewConfig(opts.configFile, fs3.readFileSync(opts.configFile, "utf8"));
      if (errors.length > 0) throw new UsageError(errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
      config = c;
      const ids = ALL_RULES.map((r) => r.id);
      for (const id of Object.keys(config.rules)) {
        if (!ids.includes(id)) {
          const guess = closest(id, ids);
          warnings.push(`${opts.configFile}: unknown rule "${id}" in rules${guess ? ` (did you mean ${guess}?)` : ""}`);
        }
      }
    } else if (opts.configRequired) {
      throw new UsageError(`config file ${opts.configFile} not found`);
    }
  }
  let settings = defaultMeshSettings();
  if (config.istioVersion) settings.istioVersion = config.istioVersion;
  if (config.mesh) settings = applyMeshConfig(settings, config.mesh);
  const meshFile = opts.meshConfigFile ?? config.meshConfigFile;
  if (meshFile) settings = applyMeshConfig(settings, readMeshConfig(meshFile));
  let meshNetworksSource;
  if (opts.meshNetworksFile) {
    const v = readYamlFile(opts.meshNetworksFile);
    settings.meshNetworks = isObject(v) ? v : {};
    meshNetworksSource = { path: opts.meshNetworksFile, text: fs3.readFileSync(opts.meshNetworksFile, "utf8") };
  }
  return { config, settings, warnings, ...meshNetworksSource ? { meshNetworksSource } : {} };
}
function readYamlFile(file) {
  let text;
  try {
    text = fs3.readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err.message}`);
  }
  try {
    return (0, import_yaml10.parse)(text, { version: "1.1", maxAliasCount: 50 });
  } catch (err) {
    throw new UsageError(`${file}: not valid YAML: ${err.message.split("\n")[0]}`);
  }
}
function readMeshConfig(file) {
  return meshConfigFromDocument(readYamlFile(file), (s) => (0, import_yaml10.parse)(s, { version: "1.1" }));
}

// src/check.ts
function checkPaths(paths, loaded2) {
  const { files, missing } = findManifestFiles(paths);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  const explicit = new Set(paths);
  const walked = new Set(files.filter((f) => !explicit.has(f)));
  const inputs = readManifestFiles(files, { fromDirectoryWalk: walked });
  const workspace = buildWorkspace(inputs, { defaultNamespace: loaded2.config.defaultNamespace ?? void 0 });
  if (loaded2.meshNetworksSource) {
    const [input] = readManifestFiles([loaded2.meshNetworksSource.path], { parse: false });
    const text = input?.text ?? loaded2.meshNetworksSource.text;
    const r = settingsFileResource({ path: loaded2.meshNetworksSource.path, text }, { apiVersion: "mesh.istio.io/v1alpha1", kind: "MeshNetworks", namespace: loaded2.settings.istioNamespace, name: "meshnetworks" });
    if (r) {
      workspace.resources.push(r);
      workspace.files.push(r.file);
    }
  }
  const analysis = analyze2(workspace, { settings: loaded2.settings, config: loaded2.config });
  return { ...analysis, workspace, fileCount: inputs.length };
}

// src/util/escape.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function sanitizeForLog(s) {
  return s.replace(UNSAFE, (c) => c === "	" ? " " : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function logLine(s) {
  const clean = sanitizeForLog(s);
  if (/^\s*::/.test(clean)) return ` ${clean.replace(/^(\s*)::/, "$1:\u200B:")}`;
  if (/^\s*##\[/.test(clean)) return ` ${clean.replace(/^(\s*)##\[/, "$1#\u200B#[")}`;
  return clean;
}

// src/output/text.ts
function formatText(findings, files, opts = {}) {
  const c = colors(opts.color ?? false);
  const out = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const l = byFile.get(f.file);
    if (l) l.push(f);
    else byFile.set(f.file, [f]);
  }
  const lineCache = /* @__PURE__ */ new Map();
  for (const [file, list] of byFile) {
    out.push(c.bold(logLine(file)));
    for (const f of list) {
      const sev = f.severity === "error" ? c.red("error  ") : f.severity === "warning" ? c.yellow("warning") : c.blue("info   ");
      const code = f.istioCode ? ` ${f.istioCode}` : "";
      const who = f.resource ? `${describeResource(f.resource)}: ` : "";
      out.push(`  ${String(f.line).padStart(4)}  ${sev}  ${c.dim(f.rule + code)}`);
      out.push(`        ${logLine(who + f.message)}`);
      if (f.fix) {
        const src = files.get(f.fix.file);
        let lines = lineCache.get(f.fix.file);
        if (!lines && src) lineCache.set(f.fix.file, lines = linesOf(src));
        out.push(`        ${c.dim(`fix: ${logLine(f.fix.description)}`)}`);
        if (lines) for (const l of lines.slice(f.fix.startLine - 1, f.fix.endLine)) out.push(`        ${c.red(logLine(`- ${l}`))}`);
        for (const l of f.fix.text.split("\n")) out.push(`        ${c.green(logLine(`+ ${l}`))}`);
      }
    }
    out.push("");
  }
  const n = (s) => findings.filter((f) => f.severity === s).length;
  const fixable = findings.filter((f) => f.fix).length;
  out.push(`${findings.length} finding${findings.length === 1 ? "" : "s"}: ${n("error")} error(s), ${n("warning")} warning(s), ${n("info")} info${fixable ? `; ${fixable} fixable with --fix` : ""}`);
  return out.join("\n") + "\n";
}
function colors(on) {
  const wrap = (code) => (s) => on ? `\x1B[${code}m${s}\x1B[0m` : s;
  return { red: wrap("31"), yellow: wrap("33"), blue: wrap("34"), green: wrap("32"), dim: wrap("2"), bold: wrap("1") };
}

// src/output/json.ts
function toJsonReport(findings, counts) {
  return {
    version: 1,
    findings,
    summary: {
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
      files: counts.files,
      resources: counts.resources,
      fixable: findings.filter((f) => f.fix).length
    }
  };
}

// src/output/sarif.ts
var LEVEL = { error: "error", warning: "warning", info: "note" };
function toSarif(findings, rules, version) {
  const used = new Set(findings.map((f) => f.rule));
  const ruleList = rules.filter((r) => used.has(r.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "istio-review",
          version,
          informationUri: "https://github.com/istio-review/istio-review",
          rules: ruleList.map((r) => ({
            id: r.id,
            shortDescription: { text: r.title },
            helpUri: `${DOCS_BASE}${r.id}.md`,
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: r.istioCode ? { istioCode: r.istioCode } : {}
          }))
        }
      },
      results: findings.map((f) => ({
        ruleId: f.rule,
        ...index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {},
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.file.replace(/\\/g, "/") }, region: { startLine: f.line, endLine: f.endLine } } }],
        partialFingerprints: { "istioReview/v1": f.fingerprint }
      }))
    }]
  };
}

// src/fixes/apply.ts
function applyFixes(raw, fixes) {
  const hasBom = raw.charCodeAt(0) === 65279;
  const body = hasBom ? raw.slice(1) : raw;
  const eol = /\r\n/.test(body) ? "\r\n" : "\n";
  const lines = body.split(/\r?\n/);
  const sorted = [...fixes].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  const applied = [];
  const skipped = [];
  let lastEnd = 0;
  for (const f of sorted) {
    if (f.startLine <= lastEnd || f.startLine < 1 || f.endLine > lines.length || f.endLine < f.startLine) {
      skipped.push(f);
      continue;
    }
    if (applied.some((a) => a.startLine === f.startLine && a.endLine === f.endLine && a.text === f.text)) continue;
    applied.push(f);
    lastEnd = f.endLine;
  }
  for (const f of [...applied].reverse()) {
    lines.splice(f.startLine - 1, f.endLine - f.startLine + 1, ...f.text.split("\n"));
  }
  return { text: (hasBom ? "\uFEFF" : "") + lines.join(eol), applied, skipped };
}

// src/version.ts
var VERSION = "0.1.0";

// src/review/local.ts
import fs5 from "node:fs";
import path4 from "node:path";

// src/review/git.ts
var import_parse_diff = __toESM(require_parse_diff(), 1);
import { execFileSync, spawnSync } from "node:child_process";
var Git = class {
  constructor(cwd) {
    this.cwd = cwd;
  }
  cwd;
  run(args, input) {
    return execFileSync("git", ["-c", "core.quotepath=false", ...args], {
      cwd: this.cwd,
      encoding: "utf8",
      input,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"]
    });
  }
  ok(args) {
    return spawnSync("git", args, { cwd: this.cwd, stdio: "ignore" }).status === 0;
  }
  topLevel() {
    try {
      return this.run(["rev-parse", "--show-toplevel"]).trim() || null;
    } catch {
      return null;
    }
  }
  isRepo() {
    return this.ok(["rev-parse", "--is-inside-work-tree"]);
  }
  hasCommit(sha) {
    return /^[0-9a-zA-Z^~._/-]+$/.test(sha) && this.ok(["cat-file", "-e", `${sha}^{commit}`]);
  }
  headSha() {
    try {
      return this.run(["rev-parse", "HEAD"]).trim();
    } catch {
      return null;
    }
  }
  revParse(ref) {
    try {
      return this.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim() || null;
    } catch {
      return null;
    }
  }
  mergeBase(a, b) {
    try {
      return this.run(["merge-base", a, b]).trim() || null;
    } catch {
      return null;
    }
  }
  /** Contents of many files at one commit in one `git cat-file --batch`; null for a path absent there. */
  readAt(sha, paths) {
    const out = /* @__PURE__ */ new Map();
    if (paths.length === 0) return out;
    const res = spawnSync("git", ["cat-file", "--batch"], {
      cwd: this.cwd,
      input: paths.map((p) => `${sha}:${p}
`).join(""),
      maxBuffer: 1024 * 1024 * 1024
    });
    if (res.status !== 0) throw new Error(`git cat-file failed: ${res.stderr.toString().slice(0, 200)}`);
    const buf = res.stdout;
    let pos = 0;
    for (const p of paths) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        out.set(p, null);
        continue;
      }
      const header = buf.subarray(pos, nl).toString("utf8");
      pos = nl + 1;
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) {
        out.set(p, null);
        continue;
      }
      const size = Number(m[2]);
      out.set(p, m[1] === "blob" ? Buffer.from(buf.subarray(pos, pos + size)) : null);
      pos += size + 1;
    }
    return out;
  }
  /** The change set between two commits, as the PR files API would describe it. */
  diff(base, head) {
    const text = this.run(["diff", "--no-color", "--no-ext-diff", "-M", "-U3", base, head]);
    return changeSetFromUnifiedDiff(text);
  }
};
function changeSetFromUnifiedDiff(text) {
  const files = [];
  for (const f of (0, import_parse_diff.default)(text)) {
    const to = f.to && f.to !== "/dev/null" ? f.to : null;
    const from = f.from && f.from !== "/dev/null" ? f.from : null;
    const status = f.new ? "added" : f.deleted ? "removed" : from && to && from !== to ? "renamed" : "modified";
    const p = to ?? from;
    if (!p) continue;
    const hunks = [];
    const added = /* @__PURE__ */ new Set();
    for (const c of f.chunks) {
      if (c.newLines > 0) hunks.push({ start: c.newStart, end: c.newStart + c.newLines - 1 });
      for (const ch of c.changes) if (ch.type === "add" && !ch.content.startsWith("\\")) added.add(ch.ln);
    }
    const binary = f.chunks.length === 0 && status !== "renamed";
    files.push({ path: p, basePath: status === "added" ? null : from ?? p, status, hunks: binary && status !== "added" && status !== "removed" ? null : hunks, added, patch: null });
  }
  return { files, truncated: false };
}

// src/review/files.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import fs4 from "node:fs";
import path3 from "node:path";
var DEFAULT_PATHS = ["**/*.yaml", "**/*.yml", "**/*.json", "!**/node_modules/**", "!**/.git/**"];
function pathFilter(globs, isChartDir) {
  const inc = globs.filter((g) => g && !g.startsWith("!"));
  const exc = globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  const isInc = (0, import_picomatch.default)(inc.length > 0 ? inc : DEFAULT_PATHS.filter((g) => !g.startsWith("!")), { dot: true });
  const isExc = exc.length > 0 ? (0, import_picomatch.default)(exc, { dot: true }) : () => false;
  return (p) => {
    const rel = toPosix(p);
    if (!isInc(rel) || isExc(rel)) return false;
    if (rel.split("/").some((seg) => seg === "node_modules" || seg === ".git")) return false;
    const parts = rel.split("/");
    for (let i = 1; i < parts.length - 1; i++) {
      if (parts[i] === "templates" && isChartDir(parts.slice(0, i).join("/") || ".")) return false;
    }
    return true;
  };
}
function toPosix(p) {
  return path3.posix.normalize(p.split(path3.sep).join("/")).replace(/^\.\//, "");
}
function chartDirOnDisk(root) {
  const cache4 = /* @__PURE__ */ new Map();
  return (dir) => {
    let v = cache4.get(dir);
    if (v === void 0) {
      v = fs4.existsSync(path3.join(root, dir, "Chart.yaml"));
      cache4.set(dir, v);
    }
    return v;
  };
}
function listViewFiles(root, filter) {
  const out = [];
  const walk2 = (rel) => {
    let entries;
    try {
      entries = fs4.readdirSync(path3.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === ".git" || e.name === "node_modules") continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk2(p);
      else if (e.isFile() && filter(p)) out.push(p);
    }
  };
  walk2("");
  return out.sort();
}
function toInput(relPath, bytes) {
  const input = decodeManifest(relPath, bytes);
  if (/\.json$/i.test(relPath) && input.text !== null && !input.text.includes('"kind"')) return null;
  return input;
}
function readViewFiles(root, files) {
  const out = [];
  for (const f of files) {
    let bytes;
    try {
      bytes = fs4.readFileSync(path3.join(root, f));
    } catch (err) {
      out.push({ path: f, text: null, readProblem: `This file cannot be read: ${err.message}` });
      continue;
    }
    const input = toInput(f, bytes);
    if (input) out.push(input);
  }
  parseInputs(out);
  return out;
}

// src/review/classify.ts
function classifyFindings(head, base, changes) {
  const baseFps = new Set(base.map((f) => f.fingerprint));
  const byPath = new Map(changes.files.map((f) => [f.path, f]));
  const out = { fresh: [], touchedPreExisting: [], preExisting: [] };
  for (const f of head) {
    if (!baseFps.has(f.fingerprint)) {
      out.fresh.push(f);
      continue;
    }
    const cf = byPath.get(f.file);
    let touched = false;
    if (cf) for (let l = f.line; l <= Math.max(f.line, f.endLine) && !touched; l++) touched = cf.added.has(l);
    (touched ? out.touchedPreExisting : out.preExisting).push(f);
  }
  return out;
}

// src/review/threads.ts
function planThreads(toComment, allHead, threads, stillCheckable) {
  const byFp = /* @__PURE__ */ new Map();
  for (const t of threads) for (const fp of t.fingerprints) (byFp.get(fp) ?? byFp.set(fp, []).get(fp)).push(t);
  const plan = { post: [], alreadyPosted: [], resolve: [] };
  for (const f of toComment) {
    const ts = byFp.get(f.fingerprint) ?? [];
    if (ts.length === 0) {
      plan.post.push(f);
      continue;
    }
    const open = ts.filter((t) => !t.isResolved);
    if (open.some((t) => !t.isOutdated)) {
      plan.alreadyPosted.push(f);
      continue;
    }
    if (open.length > 0) {
      const anchors = /* @__PURE__ */ new Set([`${f.file}:${f.line}`, ...f.fix ? [`${f.fix.file}:${f.fix.endLine}`] : []]);
      const moved = open.every((t) => t.originalLine !== null && !anchors.has(`${t.path}:${t.originalLine}`));
      (moved ? plan.post : plan.alreadyPosted).push(f);
      continue;
    }
    if (ts.some((t) => !t.resolvedByBot)) plan.alreadyPosted.push(f);
    else plan.post.push(f);
  }
  const present2 = new Set(allHead.map((f) => f.fingerprint));
  for (const t of threads) {
    if (t.isResolved || t.fingerprints.length === 0) continue;
    if (t.fingerprints.some((fp) => present2.has(fp))) continue;
    if (!stillCheckable(t.path)) continue;
    plan.resolve.push(t);
  }
  return plan;
}

// src/review/diff.ts
var import_parse_diff2 = __toESM(require_parse_diff(), 1);
function hunkContaining(file, start, end) {
  if (!file?.hunks) return null;
  return file.hunks.find((h) => h.start <= start && end <= h.end) ?? null;
}

// src/review/markdown.ts
var SUMMARY_MARKER = "<!-- istio-review:summary -->";
var MAX_BODY = 65536;
function fingerprintMarker(fp) {
  return `<!-- istio-review:fp=${fp.replace(/[^A-Za-z0-9_.-]/g, "")} -->`;
}
function runMarker(runId) {
  return `<!-- istio-review:run=${runId.replace(/[^A-Za-z0-9_.-]/g, "")} -->`;
}
function escapeMarkdown(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\r\n\u2028\u2029]+/g, " ").replace(/([\\`*_[\]|~])/g, "\\$1").replace(/@/g, "@\u200D").replace(/#(?=\w)/g, "#\u200D");
}
function fenceFor(text) {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}
function codeBlock(text, info = "") {
  const fence = fenceFor(text);
  return `${fence}${info}
${text}${text.length > 0 ? "\n" : ""}${fence}`;
}
var SEVERITY_LABEL = { error: "\u{1F6D1} **Error**", warning: "\u26A0\uFE0F **Warning**", info: "\u2139\uFE0F **Info**" };
function severityLabel(s) {
  return SEVERITY_LABEL[s];
}
function ruleLabel(f) {
  const code = f.istioCode ? ` \xB7 ${escapeMarkdown(f.istioCode)}` : "";
  return `[\`${f.rule.replace(/`/g, "")}\`](${safeUrl(f.docs)})${code}`;
}
function safeUrl(u) {
  return /^https?:\/\/[^\s()<>"]+$/.test(u) ? u : "#";
}
function commentBody(p) {
  const f = p.finding;
  const who = f.resource ? ` \xB7 ${escapeMarkdown(describeResource(f.resource))}` : "";
  const lines = [`${severityLabel(f.severity)} ${ruleLabel(f)}${who}`, "", escapeMarkdown(f.message)];
  if (p.findingLink) lines.push("", `_Found in ${p.findingLink}; the fix goes here._`);
  if (p.preExisting) lines.push("", "_This problem was already on the base branch; it is shown because this pull request edits its line._");
  if (p.suggestion !== null && f.fix) {
    lines.push("", `Suggested fix (${escapeMarkdown(f.fix.description)}):`, codeBlock(p.suggestion, "suggestion"));
  } else if (p.otherFix && f.fix) {
    lines.push("", `Fix (${escapeMarkdown(f.fix.description)}) in ${p.otherFix.link}:`, codeBlock(p.otherFix.text, "yaml"));
  }
  lines.push("", fingerprintMarker(f.fingerprint), runMarker(p.runId));
  return lines.join("\n");
}

// src/review/placement.ts
function bySeverity(a, b) {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line;
}
function placeFindings(findings, changes, opts) {
  const files = new Map(changes.files.map((f) => [f.path, f]));
  const out = { inline: [], outside: [] };
  const anchored = /* @__PURE__ */ new Set();
  for (const f of [...findings].sort(bySeverity)) {
    const pre = opts.preExisting?.has(f.fingerprint) ?? false;
    const c = anchorFor(f, files);
    if ("reason" in c) {
      out.outside.push({ finding: f, reason: c.reason });
      continue;
    }
    if (out.inline.length >= opts.maxComments) {
      out.outside.push({ finding: f, reason: "over-limit" });
      continue;
    }
    const key = `${c.path}:${c.startLine ?? c.line}-${c.line}`;
    let { suggestion } = c;
    if (suggestion && anchored.has(key)) suggestion = false;
    anchored.add(key);
    const fix = f.fix;
    const body = commentBody({
      finding: f,
      runId: opts.runId,
      preExisting: pre,
      suggestion: suggestion && fix ? fix.text : null,
      otherFix: !suggestion && fix ? { link: opts.link(fix.file, fix.startLine), text: fix.text } : null,
      findingLink: suggestion && fix && fix.file !== f.file ? opts.link(f.file, f.line) : null
    });
    if (suggestion && fix) {
      out.inline.push({ path: fix.file, line: fix.endLine, ...fix.startLine < fix.endLine ? { startLine: fix.startLine } : {}, body, finding: f, suggestion: true });
    } else {
      out.inline.push({ path: f.file, line: c.line, ...c.startLine !== void 0 ? { startLine: c.startLine } : {}, body, finding: f, suggestion: false });
    }
  }
  return out;
}
function anchorFor(f, files) {
  const fix = f.fix;
  if (fix && fix.startLine >= 1 && fix.endLine >= fix.startLine && hunkContaining(files.get(fix.file), fix.startLine, fix.endLine)) {
    return { path: fix.file, line: fix.endLine, ...fix.startLine < fix.endLine ? { startLine: fix.startLine } : {}, suggestion: true };
  }
  const cf = files.get(f.file);
  if (!cf) return { reason: "not-in-pr" };
  if (!cf.hunks) return { reason: "no-patch" };
  if (!hunkContaining(cf, f.line, f.line)) return { reason: "outside-diff" };
  return { path: f.file, line: f.line, suggestion: false };
}

// src/review/summary.ts
function countBySeverity(fs7) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of fs7) c[f.severity]++;
  return c;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function countsText(c) {
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.info, "info")}`;
}
var WHERE_TEXT = {
  inline: "review comment",
  "posted-before": "earlier comment",
  "outside-diff": "outside the diff",
  "not-in-pr": "file not in this PR",
  "no-patch": "no diff shown",
  "over-limit": "over the comment limit",
  rejected: "rejected by GitHub"
};
function summaryMarkdown(s) {
  const max = s.maxChars ?? MAX_BODY - 200;
  const counts = countBySeverity(s.reported);
  const total = s.reported.length;
  const head = [SUMMARY_MARKER, "## istio-review", ""];
  if (total === 0) head.push(`\u2705 **All clear**: this pull request adds no Istio configuration problems (checked at ${s.headSha.slice(0, 7)}).`);
  else head.push(`**${plural(total, "new finding")}**: ${countsText(counts)} (at ${s.headSha.slice(0, 7)}).`);
  const pre = s.preExisting.error + s.preExisting.warning + s.preExisting.info;
  if (pre > 0) head.push("", `Pre-existing problems left alone (already on the base branch, on lines this PR does not edit): ${countsText(s.preExisting)}.`);
  if (s.resolved > 0) head.push("", `${plural(s.resolved, "earlier comment")} marked fixed.`);
  for (const n of s.notes) head.push("", n);
  const rows = [];
  const sorted = [...s.reported].sort(bySeverity);
  for (const f of sorted) {
    const where = WHERE_TEXT[s.where.get(f.fingerprint) ?? "outside-diff"] ?? "";
    rows.push(`| ${severityLabel(f.severity)} | [${escapeMarkdown(f.file)}:${f.line}](${safeUrl(s.link(f.file, f.line))}) | \`${f.rule.replace(/`/g, "")}\` | ${escapeMarkdown(f.message)} | ${where} |`);
  }
  const notInline = sorted.filter((f) => {
    const w = s.where.get(f.fingerprint);
    return w !== "inline" && w !== "posted-before";
  }).length;
  if (notInline > 0) head.push("", `${plural(notInline, "finding")} could not be placed as a line comment; they are listed below${s.notAnnotated < notInline ? " and annotated in the check run" : ""}.`);
  if (s.notAnnotated > 0) head.push("", `${plural(s.notAnnotated, "finding")} could not be annotated (annotation limit or missing permission); this table is the full list.`);
  const tail = ["", s.runUrl ? `<sub>[istio-review run](${safeUrl(s.runUrl)})</sub>` : ""];
  let text = head.join("\n");
  if (rows.length > 0) {
    const tableHead = "\n\n| Severity | Where | Rule | Problem | Placement |\n| --- | --- | --- | --- | --- |";
    const tailText = tail.join("\n");
    const reserve = 200 + tailText.length;
    let body = tableHead;
    let shown = 0;
    for (const r of rows) {
      if (text.length + body.length + r.length + 1 + reserve > max) break;
      body += `
${r}`;
      shown++;
    }
    text += body;
    if (shown < rows.length) text += `

_\u2026and ${rows.length - shown} more not shown: the comment would exceed GitHub's size limit. The check run and the job log list every finding._`;
    text += `
${tailText}`;
  } else {
    text += `
${tail.join("\n")}`;
  }
  return text.length > max ? text.slice(0, max) : text;
}

// src/review/pipeline.ts
function relevantChanges(changes, filter) {
  return changes.files.filter((f) => f.status !== "removed" && filter(f.path) || f.basePath !== null && filter(f.basePath));
}
async function buildViews(changes, filter, readers) {
  const relevant = relevantChanges(changes, filter);
  const changedHead = new Set(relevant.map((f) => f.path));
  const removed = new Set(changes.files.filter((f) => f.status === "removed").map((f) => f.path));
  const renamedAway = new Set(changes.files.filter((f) => f.status === "renamed" && f.basePath).map((f) => f.basePath));
  const unchanged = readers.workspaceFiles.filter((p) => !changedHead.has(p) && !removed.has(p) && !renamedAway.has(p));
  const common = readers.readWorkspace(unchanged);
  const headPaths = relevant.filter((f) => f.status !== "removed" && filter(f.path)).map((f) => f.path);
  const headBytes = await readers.readHead(headPaths);
  const headChanged = [];
  for (const p of headPaths) {
    const b = headBytes.get(p);
    if (!b) continue;
    const input = toInput(p, b);
    if (input) headChanged.push(input);
  }
  const baseBytes = await readers.readBase(relevant.filter((f) => f.basePath !== null && filter(f.basePath)), headBytes);
  const baseChanged = [];
  for (const f of relevant) {
    if (!f.basePath || !filter(f.basePath)) continue;
    const b = baseBytes.get(f.basePath);
    if (!b) continue;
    const input = toInput(f.basePath, b);
    if (input) baseChanged.push(input);
  }
  const byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  return { head: [...common, ...headChanged].sort(byPath), base: [...common, ...baseChanged].sort(byPath), relevant };
}
function planReview(views, changes, opts) {
  const wsOpts = { defaultNamespace: opts.loaded.config.defaultNamespace ?? void 0 };
  const headWorkspace = buildWorkspace(views.head, wsOpts);
  const headFindings = clampToFile(analyze2(headWorkspace, { settings: opts.loaded.settings, config: opts.loaded.config }).findings, headWorkspace);
  const baseFindings = analyze2(buildWorkspace(views.base, wsOpts), { settings: opts.loaded.settings, config: opts.loaded.config }).findings;
  const classified = classifyFindings(headFindings, baseFindings, changes);
  const reported = [...classified.fresh, ...classified.touchedPreExisting];
  const broken = new Set(headFindings.filter((f) => f.rule === "yaml-syntax" || f.rule === "unreadable-file").map((f) => f.file));
  const inView = new Set(views.head.map((f) => f.path));
  const threadPlan = planThreads(reported, headFindings, opts.threads, (p) => inView.has(p) && !broken.has(p));
  const placement = placeFindings(threadPlan.post, changes, {
    maxComments: opts.maxComments,
    runId: opts.runId,
    link: opts.link,
    preExisting: new Set(classified.touchedPreExisting.map((f) => f.fingerprint))
  });
  const where = /* @__PURE__ */ new Map();
  for (const f of threadPlan.alreadyPosted) where.set(f.fingerprint, "posted-before");
  for (const c of placement.inline) where.set(c.finding.fingerprint, "inline");
  for (const o of placement.outside) where.set(o.finding.fingerprint, o.reason);
  return {
    headWorkspace,
    headFindings,
    classified,
    reported,
    threadPlan,
    placement,
    where,
    newCounts: countBySeverity(classified.fresh),
    preExistingCounts: countBySeverity(classified.preExisting)
  };
}
function clampToFile(findings, ws) {
  const lastLine = new Map(ws.files.map((f) => [f.path, Math.max(1, f.text.split("\n").length - (f.text.endsWith("\n") ? 1 : 0))]));
  return findings.map((f) => {
    const last = lastLine.get(f.file);
    if (last === void 0 || f.line <= last) return f;
    return { ...f, line: last, endLine: Math.max(last, Math.min(f.endLine, last)) };
  });
}

// src/review/local.ts
var CONFIG_NAMES = /* @__PURE__ */ new Set([".istio-review.yaml", ".istio-review.yml"]);
async function runReviewCommand(args) {
  if (!args.base) throw new UsageError("review needs --base REF (the branch the pull request would merge into)");
  const git = new Git(args.cwd ?? process.cwd());
  if (!git.isRepo()) throw new UsageError("review must run inside a git repository");
  const root = execTop(git);
  const rgit = new Git(root);
  const baseRef = rgit.revParse(args.base);
  if (!baseRef) throw new UsageError(`unknown revision "${args.base}"`);
  const head = rgit.revParse("HEAD");
  if (!head) throw new UsageError("the repository has no commit yet");
  const mergeBase = rgit.mergeBase(baseRef, head);
  if (!mergeBase) throw new UsageError(`"${args.base}" and HEAD have no common ancestor`);
  const globs = pathFilter(args.paths.length > 0 ? args.paths.map((p) => asGlob(p, args.cwd ?? process.cwd(), root)) : DEFAULT_PATHS, chartDirOnDisk(root));
  const filter = (p) => !CONFIG_NAMES.has(p) && globs(p);
  const changes = rgit.diff(mergeBase, head);
  const views = await buildViews(changes, filter, {
    workspaceFiles: listViewFiles(root, filter),
    readWorkspace: (paths) => readViewFiles(root, paths),
    readHead: async (paths) => rgit.readAt(head, paths),
    readBase: async (files) => rgit.readAt(mergeBase, files.map((f) => f.basePath))
  });
  const link = (file, line) => `${file}#L${line}`;
  const plan = planReview(views, changes, { loaded: args.loaded, threads: [], maxComments: 30, runId: "local", link });
  const summary = summaryMarkdown({
    reported: plan.reported,
    where: plan.where,
    preExisting: plan.preExistingCounts,
    resolved: 0,
    notAnnotated: 0,
    notes: [],
    link,
    headSha: head,
    runUrl: null
  });
  const out = args.write ?? ((s) => process.stdout.write(s));
  if (args.format === "json") {
    out(JSON.stringify({
      base: mergeBase,
      head,
      comments: plan.placement.inline.map((c) => ({ path: c.path, line: c.line, startLine: c.startLine ?? null, suggestion: c.suggestion, body: c.body, rule: c.finding.rule, fingerprint: c.finding.fingerprint })),
      outside: plan.placement.outside.map((o) => ({ reason: o.reason, finding: o.finding })),
      counts: { new: plan.newCounts, preExisting: plan.preExistingCounts },
      summary
    }, null, 2) + "\n");
  } else if (args.format === "sarif") {
    out(JSON.stringify(toSarif(plan.reported, ALL_RULES, VERSION), null, 2) + "\n");
  } else {
    out(`Review of ${head.slice(0, 12)} against ${mergeBase.slice(0, 12)} (merge base with ${sanitizeForLog(args.base)}): ${plan.placement.inline.length} line comment(s)

`);
    for (const c of plan.placement.inline) {
      const where = c.startLine !== void 0 ? `${c.path}:${c.startLine}-${c.line}` : `${c.path}:${c.line}`;
      out(`\u2500\u2500 ${sanitizeForLog(where)} ${"\u2500".repeat(Math.max(3, 60 - where.length))}
${printable(c.body)}

`);
    }
    out(`\u2500\u2500 summary ${"\u2500".repeat(55)}
${printable(summary)}
`);
  }
  return plan.classified.fresh.some((f) => reachesThreshold(f.severity, args.failOn)) ? 1 : 0;
}
function asGlob(p, cwd, root) {
  const neg = p.startsWith("!");
  const raw = neg ? p.slice(1) : p;
  if (/[*?[\]{}]/.test(raw)) return p;
  const abs = path4.resolve(cwd, raw);
  let rel = toPosix(path4.relative(root, abs));
  if (rel === "" || rel === ".") rel = "";
  let isDir = false;
  try {
    isDir = fs5.statSync(abs).isDirectory();
  } catch {
  }
  const glob = isDir ? `${rel ? `${rel}/` : ""}**/*.{yaml,yml,json}` : rel;
  return neg ? `!${glob}` : glob;
}
function execTop(git) {
  const top = git.topLevel();
  return top ?? path4.resolve(git.cwd);
}
function printable(body) {
  return body.split("\n").filter((l) => !/^<!-- istio-review:/.test(l)).map((l) => sanitizeForLog(l)).join("\n").trimEnd();
}

// src/cli.ts
var USAGE = `istio-review ${VERSION}: catches Istio misconfiguration before it merges.

Usage:
  istio-review check [options] PATH...     check manifests (files or directories)
  istio-review review --base REF [options] [PATH...]
                                           print the review a pull request from REF to HEAD would get
  istio-review rules                       list every rule

Options for check:
  --format text|json|sarif   output format (default text)
  --fail-on error|warning|info|none
                             exit 1 when a finding reaches this severity (default error)
  --mesh-config FILE         MeshConfig (or the istio ConfigMap) the checks assume
  --mesh-networks FILE       MeshNetworks configuration
  --config FILE              config file (default .istio-review.yaml when present)
  --fix                      apply every fix in place and report what changed
`;
function parseArgs(argv) {
  const a = { format: "text", failOn: "error", meshConfig: null, meshNetworks: null, config: null, fix: false, paths: [], base: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const eq = arg.indexOf("=");
      if (eq !== -1) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === void 0) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const name = arg.split("=")[0];
    switch (name) {
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "sarif") throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
        a.format = v;
        break;
      }
      case "--fail-on": {
        const v = value();
        if (!["error", "warning", "info", "none"].includes(v)) throw new UsageError(`--fail-on must be error, warning, info or none, not "${v}"`);
        a.failOn = v;
        break;
      }
      case "--mesh-config":
        a.meshConfig = value();
        break;
      case "--mesh-networks":
        a.meshNetworks = value();
        break;
      case "--config":
        a.config = value();
        break;
      case "--base":
        a.base = value();
        break;
      case "--fix":
        a.fix = true;
        break;
      case "--":
        a.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
        a.paths.push(arg);
    }
  }
  return a;
}
async function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === "--version") {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  if (command === "rules") {
    for (const r of ALL_RULES) process.stdout.write(`${r.id.padEnd(44)} ${r.severity.padEnd(8)} ${(r.istioCode ?? "-").padEnd(8)} ${r.fixable ? "fix" : "   "}  ${r.title}
`);
    return 0;
  }
  const args = parseArgs(rest);
  const loaded2 = loadSettings({
    configFile: args.config ?? ".istio-review.yaml",
    configRequired: args.config !== null,
    meshConfigFile: args.meshConfig,
    meshNetworksFile: args.meshNetworks
  });
  for (const w of loaded2.warnings) process.stderr.write(`istio-review: ${logLine(w)}
`);
  if (command === "review") return runReviewCommand({ base: args.base, paths: args.paths, loaded: loaded2, failOn: args.failOn, format: args.format });
  if (command !== "check") throw new UsageError(`unknown command "${command}"

${USAGE}`);
  if (args.paths.length === 0) throw new UsageError("check needs at least one PATH");
  let result = checkPaths(args.paths, loaded2);
  if (args.fix) {
    const byFile = /* @__PURE__ */ new Map();
    for (const f of result.findings) if (f.fix) (byFile.get(f.fix.file) ?? byFile.set(f.fix.file, []).get(f.fix.file)).push(f.fix);
    let changed = 0;
    for (const [file, fixes] of byFile) {
      const raw = fs6.readFileSync(file, "utf8");
      const { text, applied } = applyFixes(raw, fixes);
      if (text !== raw) fs6.writeFileSync(file, text);
      changed += applied.length;
      for (const f of applied) process.stderr.write(`fixed ${logLine(file)}:${f.startLine}: ${logLine(f.description)}
`);
    }
    process.stderr.write(`applied ${changed} fix${changed === 1 ? "" : "es"} in ${byFile.size} file(s)
`);
    result = checkPaths(args.paths, loaded2);
  }
  const { findings } = result;
  if (args.format === "json") {
    process.stdout.write(JSON.stringify(toJsonReport(findings, { files: result.fileCount, resources: result.workspace.resources.length }), null, 2) + "\n");
  } else if (args.format === "sarif") {
    process.stdout.write(JSON.stringify(toSarif(findings, ALL_RULES, VERSION), null, 2) + "\n");
  } else {
    const files = new Map(result.workspace.files.map((f) => [f.path, f]));
    process.stdout.write(formatText(findings, files, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
  }
  return findings.some((f) => reachesThreshold(f.severity, args.failOn)) ? 1 : 0;
}
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof UsageError) process.stderr.write(`istio-review: ${err.message}
`);
    else process.stderr.write(`istio-review: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}
`);
    process.exitCode = 2;
  }
);
