import fs from 'node:fs';
const [f, bundle] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(f,'utf8'));
const lines = fs.readFileSync(bundle,'utf8').split('\n'); const marks=[]; lines.forEach((l,i)=>{const m=/^\/\/ ((?:src|node_modules)\/\S+)$/.exec(l); if(m) marks.push([i,m[1]]);});
const mod=(ln)=>{let b='?';for(const [i,m] of marks){if(i<=ln)b=m;else break;}return b;};
const dt=new Map(); prof.samples.forEach((s,i)=>dt.set(s,(dt.get(s)??0)+(prof.timeDeltas[i]??0)));
const byId=new Map(prof.nodes.map(n=>[n.id,n])); const parent=new Map(); for(const n of prof.nodes) for(const c of n.children??[]) parent.set(c,n.id);
const self=new Map(), incl=new Map();
for (const [id,us] of dt) { const n=byId.get(id); const cf=n.callFrame; if (cf.url.endsWith('cli.js')) { const k=`${mod(cf.lineNumber)} ${cf.functionName||'(anon)'}:${cf.lineNumber}`; self.set(k,(self.get(k)??0)+us);} 
  const seen=new Set(); for(let c=id;c!==undefined;c=parent.get(c)){const cf2=byId.get(c).callFrame; if(!cf2.url.endsWith('cli.js')) continue; const k=`${mod(cf2.lineNumber)} ${cf2.functionName||'(anon)'}:${cf2.lineNumber}`; if(seen.has(k)) continue; seen.add(k); incl.set(k,(incl.get(k)??0)+us);} }
console.log('SELF'); for (const [k,v] of [...self].filter(([k])=>!k.startsWith('node_modules')).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log((v/1000).toFixed(0).padStart(6),k);
console.log('INCL'); for (const [k,v] of [...incl].filter(([k])=>k.startsWith('src/mesh')||k.startsWith('src/engine')).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log((v/1000).toFixed(0).padStart(6),k);
