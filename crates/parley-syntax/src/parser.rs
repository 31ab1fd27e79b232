//! Labelled transition-based dependency parser: arc-hybrid transitions
//! (Kuhlmann et al. 2011) with the root token at the end of the buffer
//! (Ballesteros & Nivre 2013), a greedy averaged perceptron over a
//! Zhang & Nivre (2011)-style feature set, trained with the dynamic oracle
//! of Goldberg & Nivre (2013) and error exploration.
//!
//! Words are numbered 1..=n; the root is node n+1, the last buffer item.
//! Node 0 is "nothing" (an empty stack position, a missing child), so
//! features need no special cases. The root may only take a dependent
//! when it is the only item left on the stack, which guarantees exactly
//! one root word and a well-formed tree for any sequence of valid moves.

use crate::bytes::{Reader, Writer};
use crate::hash::{f1, f2, f3, mix, Rng};
use crate::perceptron::{Trainer, WeightTable};
use crate::tagger::argmax;
use crate::SyntaxError;

/// Class 0 is SHIFT; LEFT-l is 1 + 2l; RIGHT-l is 2 + 2l.
pub(crate) const SHIFT: usize = 0;

#[inline]
pub(crate) fn left(label: usize) -> usize {
    1 + 2 * label
}

/// Label id meaning "no label" in features.
const NO_LABEL: u64 = 0xff;

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Leftmost and second-leftmost children (0: none).
    l1: u32,
    l2: u32,
    /// Rightmost and second-rightmost children (0: none).
    r1: u32,
    r2: u32,
    nl: u8,
    nr: u8,
    /// Bit sets of the labels of left and right children.
    lset: u64,
    rset: u64,
}

/// A parser configuration.
#[derive(Debug, Clone)]
pub(crate) struct State {
    n: u32,
    stack: Vec<u32>,
    /// Front of the buffer; the buffer is always `b0..=n+1`.
    b0: u32,
    on_stack: Vec<bool>,
    /// Head of each node (0: none yet; n+1: the root).
    heads: Vec<u32>,
    labels: Vec<u8>,
    nodes: Vec<Node>,
}

/// Which unlabelled moves are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Moves {
    shift: bool,
    left: bool,
    right: bool,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        let n = n as u32;
        State {
            n,
            stack: Vec::with_capacity(n as usize),
            b0: 1,
            on_stack: vec![false; n as usize + 2],
            heads: vec![0; n as usize + 2],
            labels: vec![0; n as usize + 2],
            nodes: vec![Node::default(); n as usize + 2],
        }
    }

    fn root(&self) -> u32 {
        self.n + 1
    }

    pub(crate) fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b0 == self.root()
    }

    fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            0
        }
    }

    fn moves(&self) -> Moves {
        let at_root = self.b0 == self.root();
        Moves {
            shift: !at_root,
            left: !self.stack.is_empty() && (!at_root || self.stack.len() == 1),
            right: self.stack.len() >= 2,
        }
    }

    /// Whether a labelled class may be applied now.
    pub(crate) fn is_valid(&self, class: usize, root_label: usize) -> bool {
        let m = self.moves();
        if class == SHIFT {
            return m.shift;
        }
        let label = (class - 1) / 2;
        if class % 2 == 1 {
            m.left && ((self.b0 == self.root()) == (label == root_label))
        } else {
            m.right && label != root_label
        }
    }

    /// The only valid class when there is no choice (one word left on the
    /// stack and the root in front of the buffer), else `None`.
    fn forced(&self, root_label: usize) -> Option<usize> {
        (self.b0 == self.root() && self.stack.len() == 1).then_some(left(root_label))
    }

    fn attach(&mut self, head: u32, dep: u32, label: u8) {
        self.heads[dep as usize] = head;
        self.labels[dep as usize] = label;
        let bit = 1u64 << (label % 64);
        let node = &mut self.nodes[head as usize];
        if dep < head {
            // Arc-hybrid adds left dependents right to left.
            node.l2 = node.l1;
            node.l1 = dep;
            node.nl = node.nl.saturating_add(1);
            node.lset |= bit;
        } else {
            node.r2 = node.r1;
            node.r1 = dep;
            node.nr = node.nr.saturating_add(1);
            node.rset |= bit;
        }
    }

    /// Applies a class that [`State::is_valid`] allows.
    pub(crate) fn apply(&mut self, class: usize) {
        if class == SHIFT {
            self.on_stack[self.b0 as usize] = true;
            self.stack.push(self.b0);
            self.b0 += 1;
            return;
        }
        let label = ((class - 1) / 2) as u8;
        let Some(s0) = self.stack.pop() else { return };
        self.on_stack[s0 as usize] = false;
        let head = if class % 2 == 1 { self.b0 } else { self.s(0) };
        self.attach(head, s0, label);
    }

    /// Costs of SHIFT, LEFT and RIGHT (unlabelled): gold arcs that each
    /// move makes unreachable (Goldberg & Nivre 2013, arc-hybrid).
    /// `gold` holds gold heads with the root as n+1; `deps` each node's
    /// gold dependents.
    fn costs(&self, gold: &[u32], deps: &[Vec<u32>]) -> [u32; 3] {
        let b0 = self.b0;
        let s0 = self.s(0);
        let s1 = self.s(1);
        let mut shift = 0;
        if b0 <= self.n {
            let h = gold[b0 as usize];
            if h != s0 && (h as usize) < self.on_stack.len() && self.on_stack[h as usize] {
                shift += 1;
            }
            shift +=
                deps[b0 as usize].iter().filter(|&&d| self.on_stack[d as usize]).count() as u32;
        }
        let (mut left_cost, mut right_cost) = (0, 0);
        if s0 != 0 {
            let h = gold[s0 as usize];
            let lost_deps = deps[s0 as usize].iter().filter(|&&d| d >= b0).count() as u32;
            left_cost = lost_deps + u32::from(h != b0 && ((s1 != 0 && h == s1) || h > b0));
            right_cost = lost_deps + u32::from(h >= b0);
        }
        [shift, left_cost, right_cost]
    }

    /// Labelled cost of a class, given the unlabelled costs.
    fn class_cost(&self, class: usize, base: [u32; 3], gold: &[u32], gold_labels: &[u8]) -> u32 {
        if class == SHIFT {
            return base[0];
        }
        let label = ((class - 1) / 2) as u8;
        let s0 = self.s(0) as usize;
        if class % 2 == 1 {
            base[1] + u32::from(gold[s0] == self.b0 && gold_labels[s0] != label)
        } else {
            base[2] + u32::from(gold[s0] == self.s(1) && gold_labels[s0] != label)
        }
    }
}

fn bucket(d: u32) -> u64 {
    match d {
        0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// Maximum number of features [`features`] makes for one configuration.
const MAX_FEATURES: usize = 128;

/// The feature every configuration has.
const BIAS: u64 = f1(0, 0);

/// Positions whose node's own word and tag (and nothing else) make some
/// of the features: the stack, the buffer front and the children of both.
const S0: usize = 0;
const N0: usize = 1;
const N1: usize = 2;
const N2: usize = 3;
const S1: usize = 4;
const S2: usize = 5;
const S0L: usize = 6;
const S0R: usize = 7;
const N0L: usize = 8;
const S1R: usize = 9;
const S1L: usize = 10;
const S0L2: usize = 11;
const S0R2: usize = 12;
const N0L2: usize = 13;
const N_ROLES: usize = 14;

/// The features of a node in a role that depend only on the node's word
/// `w` and tag `t`, in the order [`features`] lists them.
fn own_features(role: usize, w: u64, t: u64, out: &mut Vec<u64>) {
    let (pair, word, tag) = match role {
        S0 => (1, 2, 3),
        N0 => (4, 5, 6),
        N1 => (7, 8, 9),
        N2 => (10, 11, 12),
        S1 => (13, 14, 15),
        S2 => {
            out.extend_from_slice(&[f1(16, t), f2(17, w, t)]);
            return;
        }
        S0L => (0, 80, 81),
        S0R => (0, 83, 84),
        N0L => (0, 86, 87),
        S1R => (0, 89, 90),
        S1L => (0, 92, 93),
        S0L2 => (0, 100, 101),
        S0R2 => (0, 103, 104),
        _ => (0, 106, 107),
    };
    if pair != 0 {
        out.push(f2(pair, w, t));
    }
    out.extend_from_slice(&[f1(word, w), f1(tag, t)]);
}

/// Features of a configuration. `w` and `t` hold each node's word and tag
/// values (index 0: nothing; n+1: the root).
///
/// With `own` given, the bias and the features of [`own_features`] are
/// left out and `own` gets the node of each role instead, so that their
/// scores can be looked up once per sentence (see [`OwnScores`]).
fn features(
    st: &State,
    w: &[u64],
    t: &[u64],
    out: &mut Vec<u64>,
    mut own: Option<&mut [u32; N_ROLES]>,
) {
    out.clear();
    if own.is_none() {
        out.push(BIAS);
    }
    let mut node = |role: usize, x: u32, out: &mut Vec<u64>| match own.as_deref_mut() {
        Some(nodes) => nodes[role] = x,
        None => own_features(role, w[x as usize], t[x as usize], out),
    };
    let nodes = &st.nodes;
    let lab = |x: u32| if x == 0 { NO_LABEL } else { u64::from(st.labels[x as usize]) };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let n0 = st.b0;
    let n1 = if n0 < st.n + 1 { n0 + 1 } else { 0 };
    let n2 = if n0 + 2 <= st.n + 1 { n0 + 2 } else { 0 };
    let (s0n, s1n, n0n) = (nodes[s0 as usize], nodes[s1 as usize], nodes[n0 as usize]);
    let g = |x: u32| (w[x as usize], t[x as usize]);
    let (s0w, s0p) = g(s0);
    let (s1w, s1p) = g(s1);
    let s2p = t[s2 as usize];
    let (n0w, n0p) = g(n0);
    let (n1w, n1p) = g(n1);
    let n2p = t[n2 as usize];
    let s0lp = t[s0n.l1 as usize];
    let s0rp = t[s0n.r1 as usize];
    let n0lp = t[n0n.l1 as usize];
    let s1lp = t[s1n.l1 as usize];
    let s1rp = t[s1n.r1 as usize];
    let s0l2p = t[s0n.l2 as usize];
    let s0r2p = t[s0n.r2 as usize];
    let n0l2p = t[n0n.l2 as usize];
    let (s0ll, s0rl, n0ll) = (lab(s0n.l1), lab(s0n.r1), lab(n0n.l1));
    let (s1ll, s1rl) = (lab(s1n.l1), lab(s1n.r1));
    let d = if s0 == 0 {
        15
    } else if n0 == st.n + 1 {
        14
    } else {
        bucket(n0 - s0)
    };
    let d1 = if s1 == 0 || s0 == 0 { 15 } else { bucket(s0 - s1) };
    let s0wp = mix(s0w, s0p);
    let n0wp = mix(n0w, n0p);

    // Features 1-17: single words.
    node(S0, s0, out);
    node(N0, n0, out);
    node(N1, n1, out);
    node(N2, n2, out);
    node(S1, s1, out);
    node(S2, s2, out);
    out.extend_from_slice(&[
        // Pairs.
        f2(20, s0wp, n0wp),
        f3(21, s0w, s0p, n0w),
        f3(22, s0w, n0w, n0p),
        f3(23, s0w, s0p, n0p),
        f3(24, s0p, n0w, n0p),
        f2(25, s0w, n0w),
        f2(26, s0p, n0p),
        f2(27, n0p, n1p),
        f2(28, s1w, s0w),
        f3(29, s1w, s1p, s0p),
        f3(30, s1p, s0w, s0p),
        f2(31, s1p, s0p),
        f2(32, n0w, n1w),
        f3(33, n0w, n0p, n1p),
        // Triples.
        f3(40, n0p, n1p, n2p),
        f3(41, s0p, n0p, n1p),
        f3(42, s1p, s0p, n0p),
        f3(43, s0p, s0lp, n0p),
        f3(44, s0p, s0rp, n0p),
        f3(45, s0p, n0p, n0lp),
        f3(46, s2p, s1p, s0p),
        f3(47, s1p, s1rp, s0p),
        f3(48, s1p, s1lp, s0p),
        f3(49, s1p, s0p, s0lp),
        f3(50, s1p, s0p, s0rp),
        f3(51, s1p, s0p, n1p),
        // Distance.
        f2(60, s0w, d),
        f2(61, s0p, d),
        f2(62, n0w, d),
        f2(63, n0p, d),
        f3(64, s0w, n0w, d),
        f3(65, s0p, n0p, d),
        f3(66, s1p, s0p, d1),
        f3(67, s1w, s0w, d1),
        // Valency.
        f2(70, s0w, u64::from(s0n.nr)),
        f2(71, s0p, u64::from(s0n.nr)),
        f2(72, s0w, u64::from(s0n.nl)),
        f2(73, s0p, u64::from(s0n.nl)),
        f2(74, n0w, u64::from(n0n.nl)),
        f2(75, n0p, u64::from(n0n.nl)),
        f3(76, s1p, u64::from(s1n.nl), u64::from(s1n.nr)),
    ]);
    // Children (80-97): their words and tags, then labels.
    node(S0L, s0n.l1, out);
    out.push(f1(82, s0ll));
    node(S0R, s0n.r1, out);
    out.push(f1(85, s0rl));
    node(N0L, n0n.l1, out);
    out.push(f1(88, n0ll));
    node(S1R, s1n.r1, out);
    out.push(f1(91, s1rl));
    node(S1L, s1n.l1, out);
    out.extend_from_slice(&[f1(94, s1ll), f2(95, s0p, s0ll), f2(96, s0p, s0rl), f2(97, n0p, n0ll)]);
    // Second-order children (100-111).
    node(S0L2, s0n.l2, out);
    out.push(f1(102, lab(s0n.l2)));
    node(S0R2, s0n.r2, out);
    out.push(f1(105, lab(s0n.r2)));
    node(N0L2, n0n.l2, out);
    out.extend_from_slice(&[
        f1(108, lab(n0n.l2)),
        f3(109, s0p, s0lp, s0l2p),
        f3(110, s0p, s0rp, s0r2p),
        f3(111, n0p, n0lp, n0l2p),
        // Label sets.
        f2(120, s0w, s0n.rset),
        f2(121, s0p, s0n.rset),
        f2(122, s0w, s0n.lset),
        f2(123, s0p, s0n.lset),
        f2(124, n0w, n0n.lset),
        f2(125, n0p, n0n.lset),
        f3(126, s1p, s1ll, s1rl),
    ]);
    debug_assert!(out.len() <= MAX_FEATURES);
}

const NONE_W: u64 = 0x00de_ad00;
const ROOT_W: u64 = 0x00b0_0700;
const NONE_T: u64 = 0xdead;
const ROOT_T: u64 = 0xb007;

/// Node value arrays for features: index 0 is nothing, n+1 the root.
fn node_values(words: &[u64], tags: &[u16]) -> (Vec<u64>, Vec<u64>) {
    let mut w = Vec::with_capacity(words.len() + 2);
    let mut t = Vec::with_capacity(words.len() + 2);
    w.push(NONE_W);
    t.push(NONE_T);
    w.extend_from_slice(words);
    t.extend(tags.iter().map(|&x| u64::from(x)));
    w.push(ROOT_W);
    t.push(ROOT_T);
    (w, t)
}

/// Whether `d`'s arc is projective: every word between it and its head
/// descends from the head. `heads` is 1-based with the root as n+1.
fn arc_is_projective(heads: &[u32], d: usize) -> bool {
    let h = heads[d] as usize;
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|k| {
        let mut x = k;
        for _ in 0..heads.len() {
            if x == h {
                return true;
            }
            if x == 0 || x >= heads.len() - 1 {
                return false;
            }
            x = heads[x] as usize;
        }
        false
    })
}

/// Makes a tree projective by lifting (Nivre & Nilsson 2005, without label
/// encoding): while some arc is not projective, the dependent of the
/// shortest such arc moves up to its grandparent. `heads[0]` is unused,
/// `heads[n+1]` is the root's (unused) slot; the root is n+1.
pub(crate) fn projectivize(heads: &mut [u32]) {
    let n = heads.len().saturating_sub(2);
    let root = n as u32 + 1;
    loop {
        let worst = (1..=n)
            .filter(|&d| heads[d] != root && !arc_is_projective(heads, d))
            .min_by_key(|&d| (heads[d] as usize).abs_diff(d));
        match worst {
            Some(d) => heads[d] = heads[heads[d] as usize],
            None => return,
        }
    }
}

/// One training sentence: word hashes, (predicted) tags, gold tree.
pub(crate) struct ParseExample<'a> {
    pub(crate) words: &'a [u64],
    pub(crate) tags: &'a [u16],
    /// Gold heads: 0 for the root, else 1-based.
    pub(crate) heads: &'a [u32],
    pub(crate) labels: &'a [u8],
    /// Times the sentence is seen per epoch.
    pub(crate) weight: usize,
}

/// Options for parser training.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParserOptions {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
    /// Epochs trained along the gold path before exploring.
    pub(crate) explore_after: usize,
    /// Probability of following a wrong prediction after that.
    pub(crate) explore_p: f64,
    pub(crate) prune: f32,
}

/// The trained parser.
#[derive(Debug, Clone)]
pub(crate) struct Parser {
    pub(crate) labels: Vec<String>,
    root_label: usize,
    table: WeightTable,
    /// Set when the scores of [`own_features`] may be summed apart from
    /// the others (see [`Parser::new`]).
    nothing: Option<NothingScores>,
}

/// Scores of the features that have the same values in every
/// configuration when no role has a node: [`OwnScores`] keeps each
/// node's scores relative to these, so that a step adds scores only for
/// the roles that have a node (the children's roles often have none).
#[derive(Debug, Clone)]
struct NothingScores {
    /// Per role, the scores of its [`own_features`] for node 0.
    roles: Vec<f32>,
    /// The bias's scores plus all of `roles`.
    all: Vec<f32>,
}

impl NothingScores {
    fn new(table: &WeightTable) -> NothingScores {
        let nc = table.n_classes();
        let mut roles = vec![0.0; N_ROLES * nc];
        let mut feats = Vec::with_capacity(3);
        for (role, scores) in roles.chunks_exact_mut(nc).enumerate() {
            feats.clear();
            own_features(role, NONE_W, NONE_T, &mut feats);
            table.score(&feats, scores);
        }
        let mut all = vec![0.0; nc];
        table.score(&[BIAS], &mut all);
        for scores in roles.chunks_exact(nc) {
            for (a, s) in all.iter_mut().zip(scores) {
                *a += s;
            }
        }
        NothingScores { roles, all }
    }
}

impl Parser {
    fn new(labels: Vec<String>, root_label: usize, table: WeightTable) -> Parser {
        // Scoring each node's own features once per sentence adds the
        // weights of a step in another order and grouping than summing
        // them feature by feature. Float addition is not associative in
        // general, so this is done only when every such sum is exact
        // (then any order gives the same scores, hence the same parses).
        //
        // A step's scores are then the sum of its other features' weights,
        // of the bias and node 0's own features ([`NothingScores`]) and,
        // per role with a node, of that node's own features less node 0's:
        // per class, the weights of fewer than 3 * MAX_FEATURES rows, with
        // either sign.
        let nothing = table.sums_are_exact(3 * MAX_FEATURES).then(|| NothingScores::new(&table));
        Parser { labels, root_label, table, nothing }
    }

    /// Trains on `examples`; `labels` lists every label id used in them
    /// and must include "root".
    pub(crate) fn train(
        labels: &[String],
        examples: &[ParseExample<'_>],
        opts: ParserOptions,
        progress: &dyn Fn(usize),
    ) -> Result<Parser, SyntaxError> {
        let root_label = labels
            .iter()
            .position(|l| l == "root")
            .ok_or_else(|| SyntaxError::Training("no root label in the training data".into()))?;
        if labels.len() > 64 {
            return Err(SyntaxError::Training(format!(
                "{} labels; at most 64 supported",
                labels.len()
            )));
        }
        let n_classes = 1 + 2 * labels.len();
        let mut trainer = Trainer::new(n_classes);
        let mut rng = Rng::new(opts.seed);
        let mut order: Vec<usize> = examples
            .iter()
            .enumerate()
            .flat_map(|(i, e)| std::iter::repeat_n(i, e.weight))
            .collect();
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0.0f32; n_classes];
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            for &e in &order {
                let ex = &examples[e];
                let n = ex.words.len();
                let (w, t) = node_values(ex.words, ex.tags);
                let mut gold: Vec<u32> = std::iter::once(0)
                    .chain(ex.heads.iter().map(|&h| if h == 0 { n as u32 + 1 } else { h }))
                    .chain([0])
                    .collect();
                projectivize(&mut gold);
                let gold_labels: Vec<u8> =
                    std::iter::once(0).chain(ex.labels.iter().copied()).chain([0]).collect();
                let mut deps = vec![Vec::new(); n + 2];
                for (d, &h) in gold.iter().enumerate().skip(1).take(n) {
                    deps[h as usize].push(d as u32);
                }
                let mut st = State::new(n);
                while !st.is_final() {
                    if let Some(class) = st.forced(root_label) {
                        st.apply(class);
                        continue;
                    }
                    features(&st, &w, &t, &mut feats, None);
                    trainer.score(&feats, &mut scores);
                    let base = st.costs(&gold, &deps);
                    let mut pred = usize::MAX;
                    let mut best_gold = usize::MAX;
                    let mut min_cost = u32::MAX;
                    for class in 0..n_classes {
                        if !st.is_valid(class, root_label) {
                            continue;
                        }
                        if pred == usize::MAX || scores[class] > scores[pred] {
                            pred = class;
                        }
                        let cost = st.class_cost(class, base, &gold, &gold_labels);
                        if cost < min_cost
                            || (cost == min_cost && scores[class] > scores[best_gold])
                        {
                            min_cost = cost;
                            best_gold = class;
                        }
                    }
                    if pred == usize::MAX {
                        break; // No valid move: cannot happen for a non-final state.
                    }
                    let pred_cost = st.class_cost(pred, base, &gold, &gold_labels);
                    let next = if pred_cost == min_cost {
                        pred
                    } else {
                        trainer.update(&feats, best_gold, pred);
                        if epoch >= opts.explore_after && rng.next_f64() < opts.explore_p {
                            pred
                        } else {
                            best_gold
                        }
                    };
                    trainer.tick();
                    st.apply(next);
                }
            }
            progress(epoch + 1);
        }
        Ok(Parser::new(labels.to_vec(), root_label, trainer.finish(opts.prune)))
    }

    /// Parses a sentence of word hashes and tags; fills 0-based-root heads
    /// (0: root, else 1-based) and label ids.
    pub(crate) fn parse(
        &self,
        words: &[u64],
        tags: &[u16],
        heads: &mut Vec<u32>,
        labels: &mut Vec<u8>,
    ) {
        let n = words.len();
        let (w, t) = node_values(words, tags);
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0.0f32; self.table.n_classes()];
        let mut role_nodes = [0u32; N_ROLES];
        let mut own = self.nothing.as_ref().map(|nothing| OwnScores::new(nothing, n + 2));
        while !st.is_final() {
            let class = match st.forced(self.root_label) {
                Some(class) => class,
                // With an empty stack only SHIFT is valid, so `best_valid`
                // would pick it whatever the scores: skip scoring.
                None if st.stack.is_empty() => SHIFT,
                None => {
                    match own.as_mut() {
                        Some(own) => {
                            features(&st, &w, &t, &mut feats, Some(&mut role_nodes));
                            own.start_loads(&self.table, &role_nodes, &w, &t);
                            self.table.score(&feats, &mut scores);
                            own.finish_loads(&self.table);
                            own.add(&role_nodes, &mut scores);
                        }
                        None => {
                            features(&st, &w, &t, &mut feats, None);
                            self.table.score(&feats, &mut scores);
                        }
                    }
                    best_valid(&st, &scores, self.root_label)
                }
            };
            st.apply(class);
        }
        heads.clear();
        labels.clear();
        for i in 1..=n {
            let h = st.heads[i];
            heads.push(if h as usize == n + 1 { 0 } else { h });
            labels.push(st.labels[i]);
        }
    }

    /// A copy without weights below `min_abs`.
    pub(crate) fn pruned(&self, min_abs: f32) -> Parser {
        Parser::new(self.labels.clone(), self.root_label, self.table.pruned(min_abs))
    }

    /// (features, weights) in the weight table.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.table.n_features(), self.table.n_weights())
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.labels.len());
        for l in &self.labels {
            w.str(l);
        }
        self.table.write(w);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Parser, SyntaxError> {
        let n = r.len(4)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let root_label = labels
            .iter()
            .position(|l| l == "root")
            .ok_or_else(|| r.error("parser has no root label"))?;
        let table = WeightTable::read(r)?;
        if table.n_classes() != 1 + 2 * labels.len() || labels.len() > 64 {
            return Err(r.error("parser weights do not match its labels"));
        }
        Ok(Parser::new(labels, root_label, table))
    }
}

/// Scores of each node's [`own_features`] in each role, looked up in
/// the weight table on first use in a sentence: about a third of a
/// step's features, which would otherwise be looked up again at every
/// step the node stays in its role. Kept less the role's scores for node
/// 0, which [`NothingScores::all`] adds at every step.
struct OwnScores<'a> {
    nothing: &'a NothingScores,
    n_classes: usize,
    /// Per (node, role) with a node: where its scores start in `scores`
    /// (`NOT_YET` until first used).
    slot: Vec<u32>,
    scores: Vec<f32>,
    /// Features of the pairs being scored, and each pair's index (in
    /// `slot`) and first feature.
    feats: Vec<u64>,
    missing: Vec<(usize, usize)>,
}

const NOT_YET: u32 = u32::MAX;

impl OwnScores<'_> {
    fn new(nothing: &NothingScores, n_nodes: usize) -> OwnScores<'_> {
        OwnScores {
            nothing,
            n_classes: nothing.all.len(),
            slot: vec![NOT_YET; n_nodes * N_ROLES],
            scores: Vec::new(),
            feats: Vec::with_capacity(3 * N_ROLES),
            missing: Vec::with_capacity(N_ROLES),
        }
    }

    /// Starts loading the table lines of the (node, role) pairs not yet
    /// scored; `w` and `t` as for [`features`]. Table lookups wait mostly
    /// on memory, so these loads are best overlapped with the step's other
    /// lookups, which is why scoring them is left to [`Self::finish_loads`].
    fn start_loads(&mut self, table: &WeightTable, nodes: &[u32; N_ROLES], w: &[u64], t: &[u64]) {
        self.feats.clear();
        self.missing.clear();
        for (role, &x) in nodes.iter().enumerate() {
            let k = x as usize * N_ROLES + role;
            if x != 0 && self.slot[k] == NOT_YET {
                self.missing.push((k, self.feats.len()));
                own_features(role, w[x as usize], t[x as usize], &mut self.feats);
            }
        }
        table.touch(&self.feats);
    }

    /// Scores the pairs found missing by [`Self::start_loads`].
    fn finish_loads(&mut self, table: &WeightTable) {
        let nc = self.n_classes;
        for (i, &(k, start)) in self.missing.iter().enumerate() {
            let end = self.missing.get(i + 1).map_or(self.feats.len(), |&(_, e)| e);
            let at = self.scores.len();
            self.scores.resize(at + nc, 0.0);
            let scores = &mut self.scores[at..];
            table.score(&self.feats[start..end], scores);
            let role = k % N_ROLES;
            for (s, z) in scores.iter_mut().zip(&self.nothing.roles[role * nc..(role + 1) * nc]) {
                *s -= z;
            }
            self.slot[k] = at as u32;
        }
    }

    /// Adds the scores of the bias and of every role's node to `scores`.
    fn add(&self, nodes: &[u32; N_ROLES], scores: &mut [f32]) {
        let add = |scores: &mut [f32], own: &[f32]| {
            for (s, o) in scores.iter_mut().zip(own) {
                *s += o;
            }
        };
        add(scores, &self.nothing.all);
        for (role, &x) in nodes.iter().enumerate() {
            if x != 0 {
                let at = self.slot[x as usize * N_ROLES + role] as usize;
                add(scores, &self.scores[at..at + self.n_classes]);
            }
        }
    }
}

/// The highest-scoring valid class (a state that is not final always has one).
fn best_valid(st: &State, scores: &[f32], root_label: usize) -> usize {
    let m = st.moves();
    let mut best = usize::MAX;
    let mut best_score = f32::NEG_INFINITY;
    for (class, &score) in scores.iter().enumerate() {
        let ok = if class == SHIFT {
            m.shift
        } else if class % 2 == 1 {
            m.left && (class - 1) / 2 != root_label
        } else {
            m.right && (class - 1) / 2 != root_label
        };
        if ok && (best == usize::MAX || score > best_score) {
            best = class;
            best_score = score;
        }
    }
    if best == usize::MAX {
        // Unreachable for a non-final state; fall back to any valid move.
        (0..scores.len()).find(|&c| st.is_valid(c, root_label)).unwrap_or_else(|| argmax(scores))
    } else {
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the lowest zero-cost class at every step.
    fn oracle_parse(
        heads: &[u32],
        labels: &[u8],
        root_label: usize,
        n_labels: usize,
    ) -> (Vec<u32>, Vec<u8>, bool) {
        let n = heads.len();
        let gold: Vec<u32> = std::iter::once(0)
            .chain(heads.iter().map(|&h| if h == 0 { n as u32 + 1 } else { h }))
            .chain([0])
            .collect();
        let gold_labels: Vec<u8> =
            std::iter::once(0).chain(labels.iter().copied()).chain([0]).collect();
        let mut deps = vec![Vec::new(); n + 2];
        for (d, &h) in gold.iter().enumerate().skip(1).take(n) {
            deps[h as usize].push(d as u32);
        }
        let mut st = State::new(n);
        let mut always_zero = true;
        while !st.is_final() {
            if let Some(c) = st.forced(root_label) {
                st.apply(c);
                continue;
            }
            let base = st.costs(&gold, &deps);
            let best = (0..1 + 2 * n_labels)
                .filter(|&c| st.is_valid(c, root_label))
                .min_by_key(|&c| st.class_cost(c, base, &gold, &gold_labels))
                .expect("a valid move");
            always_zero &= st.class_cost(best, base, &gold, &gold_labels) == 0;
            st.apply(best);
        }
        let out: Vec<u32> =
            (1..=n).map(|i| if st.heads[i] as usize == n + 1 { 0 } else { st.heads[i] }).collect();
        (out, st.labels[1..=n].to_vec(), always_zero)
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // Labels: 0 root, 1 nsubj, 2 obj, 3 det, 4 punct, 5 amod.
        let trees: [(&[u32], &[u8]); 5] = [
            // "The cat sat ." : det nsubj root punct
            (&[2, 3, 0, 3], &[3, 1, 0, 4]),
            // "Dogs chase big cats" : nsubj root amod obj
            (&[2, 0, 4, 2], &[1, 0, 5, 2]),
            // Root first, chain to the right.
            (&[0, 1, 2, 3, 4], &[0, 2, 2, 2, 2]),
            // Root last, chain to the left.
            (&[2, 3, 4, 0], &[1, 1, 1, 0]),
            // Single word.
            (&[0], &[0]),
        ];
        for (heads, labels) in trees {
            let (got_heads, got_labels, zero) = oracle_parse(heads, labels, 0, 6);
            assert_eq!(got_heads, heads);
            assert_eq!(got_labels, labels);
            assert!(zero, "a zero-cost move existed at every step for {heads:?}");
        }
    }

    #[test]
    fn non_projective_tree_still_yields_a_tree() {
        // 3 -> 1, 4 -> 2, 3 -> 4: the arc 4 -> 2 crosses the root's word 3.
        let heads = [3, 4, 0, 3];
        let (got, _, _) = oracle_parse(&heads, &[1, 1, 0, 2], 0, 3);
        assert_eq!(got.iter().filter(|&&h| h == 0).count(), 1);
        // Lifting moves 2 up to 3, which the oracle then reproduces exactly.
        let mut internal = vec![0, 3, 4, 5, 3, 0];
        projectivize(&mut internal);
        assert_eq!(internal, vec![0, 3, 3, 5, 3, 0]);
        let (got, _, zero) = oracle_parse(&[3, 3, 0, 3], &[1, 1, 0, 2], 0, 3);
        assert_eq!(got, vec![3, 3, 0, 3]);
        assert!(zero);
    }

    #[test]
    fn random_valid_moves_give_a_single_rooted_tree() {
        let mut rng = Rng::new(7);
        for n in 1..12 {
            let mut st = State::new(n);
            while !st.is_final() {
                let valid: Vec<usize> = (0..7).filter(|&c| st.is_valid(c, 0)).collect();
                assert!(!valid.is_empty());
                let c = valid[(rng.next_u64() % valid.len() as u64) as usize];
                st.apply(c);
            }
            let heads = &st.heads[1..=n];
            assert_eq!(heads.iter().filter(|&&h| h as usize == n + 1).count(), 1);
            assert!(heads.iter().all(|&h| h != 0));
            // Acyclic: every word reaches the root.
            for start in 1..=n {
                let mut x = start as u32;
                for _ in 0..=n {
                    if x as usize == n + 1 {
                        break;
                    }
                    x = st.heads[x as usize];
                }
                assert_eq!(x as usize, n + 1);
            }
        }
    }

    #[test]
    fn scoring_own_features_apart_changes_no_parse() {
        // The shipped model must allow it (else parsing is slower).
        let shipped = crate::SyntaxModel::embedded().expect("the shipped model decodes");
        assert!(shipped.parser.nothing.is_some());
        let plain = Parser { nothing: None, ..shipped.parser.clone() };
        let mut rng = Rng::new(5);
        for n in 1..40 {
            // Random words (known and unknown) and tags.
            let words: Vec<u64> = (0..n).map(|_| rng.next_u64() % 50).collect();
            let tags: Vec<u16> = (0..n).map(|_| (rng.next_u64() % 40) as u16).collect();
            let (mut h1, mut l1, mut h2, mut l2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            shipped.parser.parse(&words, &tags, &mut h1, &mut l1);
            plain.parse(&words, &tags, &mut h2, &mut l2);
            assert_eq!((h1, l1), (h2, l2));
        }
    }

    #[test]
    fn learns_and_round_trips() {
        let labels: Vec<String> = ["root", "nsubj", "obj"].iter().map(|s| s.to_string()).collect();
        let words = [11u64, 22, 33];
        let tags = [1u16, 2, 1];
        let heads = [2u32, 0, 2];
        let labs = [1u8, 0, 2];
        let ex =
            ParseExample { words: &words, tags: &tags, heads: &heads, labels: &labs, weight: 1 };
        let opts =
            ParserOptions { epochs: 5, seed: 3, explore_after: 1, explore_p: 0.9, prune: 0.0 };
        let parser = Parser::train(&labels, &[ex], opts, &|_| {}).expect("trains");
        let (mut h, mut l) = (Vec::new(), Vec::new());
        parser.parse(&words, &tags, &mut h, &mut l);
        assert_eq!(h, heads);
        assert_eq!(l, labs);
        let mut w = Writer::default();
        parser.write(&mut w);
        let back = Parser::read(&mut Reader::new(&w.buf)).expect("round trip");
        let (mut h2, mut l2) = (Vec::new(), Vec::new());
        back.parse(&words, &tags, &mut h2, &mut l2);
        assert_eq!((h, l), (h2, l2));
    }
}
