"""The learned spam model: the rules' hits and the normalised words of an
item weighed by a linear model trained on labelled examples.

corpus (the shipped families), features (what the model reads), linear (the
model; the only module that imports scikit-learn), examples (corpus and
moderators' decisions as training data), evaluate (measures on unseen
families), store (model files in instance/), judge (scoring a write),
training (`flask train-spam`), report (`make spam-report`).
"""
