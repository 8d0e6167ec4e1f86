const e={debug:10,info:20,warn:30,error:40};let t=`info`;const n=/* @__PURE__ */ new Set,r=e=>void(t=e),i=e=>(n.add(e),()=>n.delete(e));function a(r,i,a={}){for(let e of n)e(r,i,a);e[r]<e[t]||process.stderr.write(JSON.stringify({t:(/* @__PURE__ */ new Date()).toISOString(),level:r,msg:i,...a})+`
`)}export{a as n,r,i as t};
//# sourceMappingURL=cli.chunk-log-B9AcPp-K.js.map