import time
def test_seed(runner):
    t=time.time()
    r=runner.invoke(args=["seed-demo"])
    print(r.output, time.time()-t)
