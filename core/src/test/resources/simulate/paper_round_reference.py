# Independent one-round reference for OptionsTest (paper options: pairwise D, gross numerator,
# powered votes, receiver perspective, Q = 1), written from METHODS section 5 only.
# Run: python3 paper_round_reference.py
c=[7.0,7.0,2.0]; x=[5.0,7.0,7.0]; s=[0.9,1.0,0.1]
n=len(c); w=[c[i]*s[i] for i in range(n)]; Rg=max(x)-min(x)
def P(i,j,r):
    if x[i]==x[j]: return 0.0
    v=[w[k]*((abs(x[k]-x[j])/Rg)**r[k]-(abs(x[k]-x[i])/Rg)**r[k]) for k in range(n)]
    D=sum(abs(t) for t in v)
    return sum(max(0,t) for t in v)/D if D>0 else 0.0
def EU(i,j,rp,r):
    d=abs(x[i]-x[j])/Rg
    us=2-4*(0.5-0.5*d)**rp; uf=2-4*(0.5+0.5*d)**rp; usq=2-4*0.5**rp
    p=P(i,j,r)
    return s[j]*(p*us+(1-p)*uf)+(1-s[j])*us-usq
one=[1.0]*n
th=[sum(EU(j,i,1,one) for j in range(n) if j!=i) for i in range(n)]
R=[(2*t-max(th)-min(th))/(max(th)-min(th)) for t in th]
r=[(1-q/3)/(1+q/3) for q in R]
print("theta",th); print("r",r)
a=EU(0,1,r[0],r); b=EU(1,0,r[0],r)
print("a",repr(a),"b",repr(b))
